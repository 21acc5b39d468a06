/**
 * Dossiers known to the kiosk (the `local` one-stop adapter: created or updated by staff) and what a citizen may
 * see of one after scanning their slip. Lookups are audited; the screen gets the applicant and phone masked.
 */
import { parseSlipCode } from '../../../shared/dossier-code';
import { STATUS_FROM_ONE_STOP_CODE, type DossierLookup, type UpsertDossierRequest } from '../../../shared/dossier-schemas';
import { AgentError, isAgentError } from '../errors/agent-error';
import type { UpstreamAdapter } from '../upstream/upstream-adapter';
import { localDayKey } from '../core/local-time';
import { type Clock } from '../core/clock';
import type { DossierRepository, DossierRow } from './dossier-repository';
import type { UnitOfWork } from '../store/store-port';
import type { KioskDirectory } from './kiosk-directory';
import { parseDossierCsv } from './dossier-csv';
import { maskName, maskPhone } from './masking';

const SLIP_HINT = 'Vui lòng quét lại mã trên giấy hẹn trả kết quả, hoặc nhập mã hồ sơ (dạng 000.00.15.H29-250704-0012).';

export class DossierService {
  private readonly repo: DossierRepository;

  constructor(
    private readonly store: UnitOfWork<{ records: DossierRepository }>,
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly upstream: UpstreamAdapter,
    private readonly log: { warn(obj: object, msg: string): void },
    private readonly kiosks: KioskDirectory,
  ) {
    this.repo = store.read.records;
  }

  /**
   * With a province one-stop system (`upstream.driver: "http"`), what it says now is merged into the kiosk's
   * store before a lookup or a deposit. The kiosk keeps what only it can know: a result it holds in a compartment
   * stays "in locker", one it handed over stays "returned". When the system does not answer, the kiosk answers
   * from what it already knows; only a dossier it has never seen becomes UPSTREAM_UNAVAILABLE.
   */
  async refresh(rawCode: string): Promise<void> {
    if (this.upstream.name === 'local') return;
    const parsed = parseSlipCode(rawCode);
    if (!parsed.ok) return; // find() reports the bad code
    const code = parsed.dossier.code;
    const known = await this.repo.get(code);
    let remote;
    try {
      remote = await this.upstream.fetchDossier(code);
    } catch (err) {
      this.log.warn({ dossier: code, err: (err as Error).message, cause: isAgentError(err) ? String(err.details.cause ?? '') : undefined }, 'one-stop system unavailable; answering from the kiosk store');
      if (known) return;
      throw isAgentError(err)
        ? err
        : new AgentError('UPSTREAM_UNAVAILABLE', 'Chưa kết nối được hệ thống một cửa. Vui lòng thử lại sau ít phút hoặc đến quầy trả kết quả.');
    }
    if (!remote) return;
    // Only a deposit puts a result in a compartment: the system's word is "ready" at most.
    await this.repo.mergeFromUpstream({ ...remote, status: remote.status === 'in-locker' ? 'ready' : remote.status }, this.clock.now());
  }

  upsert(req: UpsertDossierRequest): Promise<DossierRow> {
    return this.upsertWith(this.repo, req);
  }

  private async upsertWith(repo: DossierRepository, req: UpsertDossierRequest): Promise<DossierRow> {
    const parsed = parseSlipCode(req.code);
    if (!parsed.ok || parsed.source !== 'barcode') {
      throw new AgentError('VALIDATION_FAILED', 'Mã hồ sơ không đúng định dạng V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX.', {
        fields: [{ path: 'code', message: 'not a dossier code (e.g. 000.00.15.H29-250704-0012)' }],
      });
    }
    const status = typeof req.status === 'number' ? STATUS_FROM_ONE_STOP_CODE[req.status]! : req.status;
    if (status === 'in-locker') {
      // Only a deposit puts papers in a compartment; a status alone would promise a locker that holds nothing.
      throw new AgentError('VALIDATION_FAILED', 'Trạng thái "in-locker" chỉ được đặt khi gửi hồ sơ vào tủ (POST /api/lockers/deposit).', {
        fields: [{ path: 'status', message: 'set by a locker deposit, not directly' }],
      });
    }
    const current = await repo.get(parsed.dossier.code);
    if (current && (await repo.isBeingDeposited(current.code))) {
      throw new AgentError('DEPOSIT_IN_PROGRESS', `Hồ sơ ${current.code} đang được gửi vào tủ (cửa ngăn chưa đóng). Đóng cửa ngăn rồi sửa sau, hoặc thu hồi hồ sơ.`);
    }
    if (current?.status === 'in-locker') {
      // Changing it here would free a compartment that still holds papers: staff take it back first.
      throw new AgentError(
        'DOSSIER_IN_LOCKER',
        `Hồ sơ ${parsed.dossier.code} đang ở ngăn ${current.lockerLock ?? '?'} của tủ kết quả. Vui lòng thu hồi (POST /api/lockers/recall) trước khi sửa.`,
        { facts: { board: current.lockerBoard ?? -1, lock: current.lockerLock ?? -1 } },
      );
    }
    return repo.upsert(
      { code: parsed.dossier.code, procedure: req.procedure, applicantName: req.applicantName, phone: req.phone ?? null, dueDate: req.dueDate, status, fees: req.fees },
      this.clock.now(),
    );
  }

  /**
   * Dossiers from a CSV export, in one transaction: every good row is stored, every bad one reported with its line
   * (a row refused by the rules above, e.g. a dossier in a locker, counts as bad).
   */
  async importCsv(text: string): Promise<{ imported: number; errors: { line: number; message: string }[] }> {
    const { rows, errors } = parseDossierCsv(text);
    let imported = 0;
    await this.store.transaction(async ({ records }) => {
      for (const { line, dossier } of rows) {
        try {
          await this.upsertWith(records, dossier);
          imported += 1;
        } catch (err) {
          errors.push({ line, message: (err as Error).message });
        }
      }
    });
    errors.sort((a, b) => a.line - b.line);
    return { imported, errors };
  }

  /**
   * A scanned or typed slip code → the dossier, or a coded error that tells the citizen what to do. `action` names
   * the audit row; callers that audit the outcome themselves (in their own transaction) pass `null`, which saves
   * the citizen one disk flush on the way to an opening door.
   */
  async find(rawCode: string, action: string | null = 'lookup'): Promise<DossierRow> {
    const parsed = parseSlipCode(rawCode);
    const now = this.clock.now();
    if (!parsed.ok) {
      await this.repo.audit(now, null, action ?? 'lookup', `invalid:${parsed.reason}`);
      const message =
        parsed.reason === 'procedure-code'
          ? `Đây là mã thủ tục, không phải mã hồ sơ. ${SLIP_HINT}`
          : `Không đọc được mã hồ sơ. ${SLIP_HINT}`;
      throw new AgentError('SLIP_CODE_INVALID', message);
    }
    const dossier = await this.repo.get(parsed.dossier.code);
    if (action || !dossier) await this.repo.audit(now, parsed.dossier.code, action ?? 'lookup', dossier ? 'found' : 'not-found');
    if (!dossier) {
      throw new AgentError(
        'DOSSIER_NOT_FOUND',
        `Không tìm thấy hồ sơ ${parsed.dossier.code} tại ki-ốt. Vui lòng mang giấy hẹn đến quầy trả kết quả để được hỗ trợ.`,
      );
    }
    return dossier;
  }

  async lookup(rawCode: string): Promise<DossierLookup> {
    await this.refresh(rawCode);
    const d = await this.find(rawCode);
    const today = localDayKey(this.clock.now(), this.timeZone);
    const inLocker = d.status === 'in-locker' && d.lockerBoard !== null;
    // A centre's kiosks share the store: a result in another kiosk's locker is collected there.
    const here = d.lockerKioskId === null || d.lockerKioskId === this.kiosks.here.id;
    const finished = d.status === 'returned' || d.status === 'ready' || d.status === 'in-locker' || d.status === 'rejected' || d.status === 'withdrawn';
    return {
      code: d.code,
      procedure: d.procedure,
      status: d.status,
      dueDate: d.dueDate,
      overdue: !finished && d.dueDate < today,
      applicant: maskName(d.applicantName),
      ...(d.phone ? { phone: maskPhone(d.phone) } : {}),
      inLocker: inLocker && here,
      ...(inLocker && !here ? { lockerElsewhere: await this.elsewhere(d.lockerKioskId) } : {}),
    };
  }

  private async elsewhere(kioskId: string | null): Promise<{ kioskId: string; kioskName: { vi: string; en: string } }> {
    const other = await this.kiosks.identity(kioskId ?? '?');
    return { kioskId: other.id, kioskName: other.name };
  }
}
