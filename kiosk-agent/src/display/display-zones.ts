/**
 * Lobby displays and their zones (site config `displays`): which counters a display at `/display/<id>` shows, the
 * services those counters serve, and which of the day's calls a display needs. Public data only: counter and service
 * names, ticket numbers — never a citizen's — and, when the site chose `display.showOfficer`, the officers' names.
 */
import type { DisplayCounter, DisplayOfficer, DisplayZone } from '../../../shared/display-schemas';
import type { DisplayConfig } from '../config/display-config-schema';
import type { ServiceConfig, SiteConfig } from '../config/site-config-schema';
import { AgentError } from '../errors/agent-error';
import { counterInfo } from '../queue/counter-info';

type CounterConfig = SiteConfig['counters'][number];

export interface DisplayZonesDeps {
  displays: readonly DisplayConfig[];
  counters: readonly CounterConfig[];
  services: () => readonly ServiceConfig[];
  /**
   * Who is signed in at each counter (StaffSessions.officersAtCounters), given by the composition root only when
   * `display.showOfficer` is on: without it no officer's name can reach a display, whatever a route asks for.
   */
  officersAtCounters?: () => Promise<ReadonlyMap<string, string>>;
}

export class DisplayZones {
  constructor(private readonly deps: DisplayZonesDeps) {}

  /** Every configured counter as a display names it, in the configured order. */
  allCounters(): DisplayCounter[] {
    return this.deps.counters.map((c) => ({ id: c.id, name: counterInfo(c).name }));
  }

  /** The officers at the configured counters, in the counters' order; undefined when names are not shown. */
  async officersOnDuty(): Promise<DisplayOfficer[] | undefined> {
    if (!this.deps.officersAtCounters) return undefined;
    const at = await this.deps.officersAtCounters();
    return this.deps.counters.flatMap((c) => {
      const name = at.get(c.id);
      return name === undefined ? [] : [{ counterId: c.id, name }];
    });
  }

  /** The zone of display `id`: its counters in its own order, then the services they serve in the config's order. */
  zone(id: string): DisplayZone {
    const display = this.deps.displays.find((d) => d.id === id);
    if (!display) {
      throw new AgentError(
        'DISPLAY_NOT_FOUND',
        `Không có màn hình "${id}" trong cấu hình trung tâm (displays). Kiểm tra lại địa chỉ trang, ví dụ /display/tang-1, hoặc mở /display để xem tất cả các quầy.`,
      );
    }
    const counters = display.counters.flatMap((cid) => this.deps.counters.filter((c) => c.id === cid));
    const served = new Set(counters.flatMap((c) => c.services));
    return {
      id: display.id,
      name: display.name,
      counters: counters.map((c) => ({ id: c.id, name: counterInfo(c).name })),
      services: this.deps.services()
        .filter((s) => served.has(s.id))
        .map((s) => ({ id: s.id, prefix: s.prefix, name: s.name })),
    };
  }
}

/**
 * The calls a display needs from the day's latest calls (newest first): the `recent` newest, and the latest call of
 * every counter among them, so each counter's tile shows its current number however many counters called since.
 */
export function displayCalls<T extends { counterId: string }>(newestFirst: readonly T[], recent: number): T[] {
  const seen = new Set<string>();
  return newestFirst.filter((call, i) => {
    const firstOfCounter = !seen.has(call.counterId);
    seen.add(call.counterId);
    return i < recent || firstOfCounter;
  });
}
