/** A counter as clients see it: its configured name, or "Quầy số N" when the config gives none. */
import type { LocalizedText } from '../../../shared/api-schemas';
import type { CounterInfo } from '../../../shared/counter-schemas';
import type { SiteConfig } from '../config/site-config-schema';

type CounterConfig = SiteConfig['counters'][number];

export function counterInfo(c: CounterConfig): CounterInfo {
  return { id: c.id, name: c.name ?? { vi: `Quầy số ${c.id}`, en: `Counter ${c.id}` }, services: c.services };
}

/** The name of a counter by id; a counter since removed from the config keeps a readable name in old calls. */
export function counterNameOf(counters: readonly CounterConfig[], id: string): LocalizedText {
  const c = counters.find((x) => x.id === id);
  return c ? counterInfo(c).name : { vi: `Quầy số ${id}`, en: `Counter ${id}` };
}
