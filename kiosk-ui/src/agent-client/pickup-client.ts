/** The result-pickup requests: look a dossier up, open its compartment, rate the handover. */
import { DossierLookupSchema, PickupOpenResponseSchema, RatingResponseSchema } from '../../../shared/dossier-schemas';
import { AgentClient } from './agent-client';

export class PickupClient extends AgentClient {
  lookupDossier(code: string) {
    return this.request(DossierLookupSchema, '/api/pickup/lookup', { method: 'POST', body: JSON.stringify({ code }) });
  }

  openCompartment(code: string, pickupCode: string) {
    return this.request(PickupOpenResponseSchema, '/api/pickup/open', { method: 'POST', body: JSON.stringify({ code, pickupCode }) });
  }

  ratePickup(reference: string, level: number) {
    return this.request(RatingResponseSchema, '/api/ratings', { method: 'POST', body: JSON.stringify({ subject: 'pickup', reference, level }) });
  }
}

export const pickupClient = new PickupClient((input, init) => fetch(input, init));
