/**
 * The centre's service-quality report (issue 19) for a period of local days: per officer, per service, each
 * officer at each service, and the centre. Tickets belong to the officer who finished them (or closed them as
 * no-shows); ratings to the officer they name; locker handovers to the officer who deposited the result. What has
 * no officer is grouped under a null officer ("Không rõ cán bộ"). Pickups at the lockers (their ratings and
 * handovers) belong to no queue service: they are grouped under a null service ("Trả kết quả tại tủ"), so every
 * figure sits in one officer × service cell and the officers', services' and centre's rows are those cells added.
 */
import type { LocalizedText } from '../../../shared/api-schemas';
import { MAX_REPORT_DAYS, monthRange, reportRangeProblem, type ServiceQualityReport } from '../../../shared/report-schemas';
import { localDayKey } from '../core/local-time';
import { AgentError } from '../errors/agent-error';
import type { SqlStore } from '../store/store-port';
import { addHandover, addRatings, addTally, addTickets, emptyTally, figuresOf, type Tally } from './quality-tally';
import { ServiceQualityRows } from './service-quality-rows';

export interface ServiceQualityDeps {
  store: SqlStore;
  centerName: string;
  timeZone: string;
  ratingScale: 3 | 5;
  /** The services in the site's order, with their names. */
  services: () => readonly { id: string; name: LocalizedText }[];
  now: () => number;
}

type OfficerId = number | null;
type ServiceId = string | null;

const RANGE_TEXT = {
  order: 'Khoảng ngày không hợp lệ: "Từ ngày" (from) phải trước hoặc bằng "Đến ngày" (to).',
  tooLong: `Khoảng ngày quá dài: mỗi báo cáo tối đa ${MAX_REPORT_DAYS} ngày. Hãy chia thành nhiều khoảng ngắn hơn.`,
};

export class ServiceQualityReports {
  private readonly rows: ServiceQualityRows;

  constructor(private readonly deps: ServiceQualityDeps) {
    this.rows = new ServiceQualityRows(deps.store, deps.timeZone);
  }

  /** The period asked for: neither day given is this month (local), one day alone is that day; refused when wrong. */
  period(query: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
    if (!query.from && !query.to) return monthRange(localDayKey(this.deps.now(), this.deps.timeZone).slice(0, 7));
    const from = query.from ?? query.to!;
    const to = query.to ?? query.from!;
    const problem = reportRangeProblem(from, to);
    if (problem) {
      throw new AgentError('VALIDATION_FAILED', RANGE_TEXT[problem], { fields: [{ path: problem === 'order' ? 'query.from' : 'query.to', message: RANGE_TEXT[problem] }] });
    }
    return { from, to };
  }

  async compute(query: { from?: string | undefined; to?: string | undefined }): Promise<ServiceQualityReport> {
    const { from, to } = this.period(query);
    const [tickets, ratings, handovers, accounts] = await Promise.all([
      this.rows.tickets(from, to),
      this.rows.ratings(from, to),
      this.rows.handovers(from, to),
      this.rows.officers(),
    ]);
    const cells = new Map<string, { officerId: OfficerId; serviceId: ServiceId; tally: Tally }>();
    const cell = (officerId: OfficerId, serviceId: ServiceId): Tally => {
      const key = JSON.stringify([officerId, serviceId]);
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { officerId, serviceId, tally: emptyTally() }));
      return c.tally;
    };
    for (const t of tickets) addTickets(cell(t.officerId, t.serviceId), t);
    for (const r of ratings) addRatings(cell(r.officerId, r.serviceId), r);
    for (const h of handovers) addHandover(cell(h.officerId, null), h.onTime);

    const officerOrder = this.officerOrder([...cells.values()].map((c) => c.officerId), accounts);
    const serviceOrder = this.serviceOrder([...cells.values()].map((c) => c.serviceId));
    const ordered = [...cells.values()].sort(
      (a, b) => officerOrder.indexOf(a.officerId) - officerOrder.indexOf(b.officerId) || serviceOrder.indexOf(a.serviceId) - serviceOrder.indexOf(b.serviceId),
    );
    const sumWhere = (keep: (c: (typeof ordered)[number]) => boolean): Tally => {
      const sum = emptyTally();
      for (const c of ordered) if (keep(c)) addTally(sum, c.tally);
      return sum;
    };
    const names = new Map(this.deps.services().map((s) => [s.id, s.name]));
    return {
      from,
      to,
      centerName: this.deps.centerName,
      timezone: this.deps.timeZone,
      ratingScale: this.deps.ratingScale,
      officers: officerOrder.map((officerId) => {
        const account = officerId === null ? undefined : accounts.get(officerId);
        return { officerId, name: account?.name ?? null, username: account?.username ?? null, ...figuresOf(sumWhere((c) => c.officerId === officerId)) };
      }),
      services: serviceOrder.map((serviceId) => ({
        serviceId,
        // A service since removed from the site's list is shown by its id.
        name: serviceId === null ? null : (names.get(serviceId) ?? { vi: serviceId, en: serviceId }),
        ...figuresOf(sumWhere((c) => c.serviceId === serviceId)),
      })),
      cells: ordered.map((c) => ({ officerId: c.officerId, serviceId: c.serviceId, ...figuresOf(c.tally) })),
      centre: figuresOf(sumWhere(() => true)),
    };
  }

  /** Officers by name as Vietnamese sorts them; "Không rõ cán bộ" last. */
  private officerOrder(ids: OfficerId[], accounts: Map<number, { name: string }>): OfficerId[] {
    const collator = new Intl.Collator('vi', { numeric: true });
    const known = [...new Set(ids.filter((id): id is number => id !== null))];
    known.sort((a, b) => collator.compare(accounts.get(a)?.name ?? '', accounts.get(b)?.name ?? '') || a - b);
    return ids.includes(null) ? [...known, null] : known;
  }

  /** The site's order; services no longer configured after them; the lockers last. */
  private serviceOrder(ids: ServiceId[]): ServiceId[] {
    const present = new Set(ids);
    const configured = this.deps.services().map((s) => s.id);
    const others = [...present].filter((id): id is string => id !== null && !configured.includes(id)).sort();
    return [...configured.filter((id) => present.has(id)), ...others, ...(present.has(null) ? [null] : [])];
  }
}
