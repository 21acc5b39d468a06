/**
 * Which queue service handles a procedure: its field (Lĩnh vực) mapped to a `services[].id` by the site config
 * (`procedures.fieldServices`), with the counters serving it. Looked up when a procedure is read, not stored at
 * import, so a changed mapping takes effect without importing the catalogue again. Field names are compared folded
 * (shared/search-fold.ts): "Hộ tịch" in the config finds "HỘ TỊCH" or a decomposed "Hộ tịch" in the export.
 */
import type { ProcedureDetail } from '../../../shared/procedure-schemas';
import { foldForSearch } from '../../../shared/search-fold';
import type { SiteConfig } from '../config/site-config-schema';
import { counterInfo } from '../queue/counter-info';

export type ProcedureService = NonNullable<ProcedureDetail['service']>;

export function fieldServiceResolver(config: Pick<SiteConfig, 'procedures' | 'services' | 'counters'>): (field: string) => ProcedureService | null {
  const byField = new Map(Object.entries(config.procedures.fieldServices).map(([field, id]) => [foldForSearch(field), id]));
  return (field) => {
    const id = byField.get(foldForSearch(field));
    const service = id === undefined ? undefined : config.services.find((s) => s.id === id);
    if (!service) return null;
    const counters = config.counters.filter((c) => c.services.includes(service.id)).map((c) => ({ id: c.id, name: counterInfo(c).name }));
    return { id: service.id, name: service.name, counters };
  };
}
