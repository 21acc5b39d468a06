/** Dossier and pickup routes. Logic lives in pickup/; these only translate. */
import { DossierLookupSchema, DossierRecordSchema, PickupLookupRequestSchema, UpsertDossierRequestSchema } from '../../../../shared/dossier-schemas';
import type { DossierRow } from '../../pickup/dossier-repository';
import type { DossierService } from '../../pickup/dossier-service';
import type { RouteRegistry } from '../route-registry';

const record = (d: DossierRow) => ({
  code: d.code,
  procedure: d.procedure,
  applicantName: d.applicantName,
  ...(d.phone ? { phone: d.phone } : {}),
  dueDate: d.dueDate,
  status: d.status,
  updatedAt: new Date(d.updatedAtMs).toISOString(),
});

export function registerPickupRoutes(r: RouteRegistry, deps: { dossiers: DossierService }): void {
  r.add(
    {
      method: 'post',
      path: '/api/dossiers',
      summary: 'Create or update a dossier known to the kiosk (status as a name or a one-stop code 1–10)',
      tag: 'pickup',
      auth: 'staff',
      body: UpsertDossierRequestSchema,
      responses: { 200: { description: 'The dossier as stored', schema: DossierRecordSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED'],
    },
    ({ body }) => record(deps.dossiers.upsert(body)),
  );

  r.add(
    {
      method: 'post',
      path: '/api/pickup/lookup',
      summary: 'What a citizen may see of a dossier after scanning the slip: status, due date, applicant masked',
      tag: 'pickup',
      auth: 'none',
      body: PickupLookupRequestSchema,
      responses: { 200: { description: 'The dossier, masked', schema: DossierLookupSchema } },
      errors: ['VALIDATION_FAILED', 'SLIP_CODE_INVALID', 'DOSSIER_NOT_FOUND'],
    },
    ({ body }) => deps.dossiers.lookup(body.code),
  );
}
