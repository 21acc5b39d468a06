/**
 * The lockers screen: every compartment with its lock and door state read from the boards now, and which dossier
 * the kiosk believes is inside; opening one (a compartment holding a citizen's result needs a reason) or all of
 * them (needs an explicit confirmation and a reason). Every open is audited with its reason and outcome.
 */
import type { LockerBank, LockState } from '../devices/locker/locker-board';
import { AgentError, isAgentError } from '../errors/agent-error';
import { faultAdvice } from '../i18n/fault-advice';
import type { LockerDeposits } from '../pickup/locker-deposits';
import type { Clock } from '../core/clock';
import type { DiagnosticsAudit } from './diagnostics-audit';

export interface CompartmentDiagnosis {
  board: number;
  lock: number;
  /** From the board now; null when the board did not answer. */
  open: boolean | null;
  dossierCode: string | null;
  overdue: boolean;
}

export interface BoardDiagnosis {
  address: number;
  answered: boolean;
  error?: { code: string; message: string };
}

export interface LockerToolsDeps {
  bank: LockerBank | undefined;
  lockers: Pick<LockerDeposits, 'compartments'>;
  clock: Clock;
  audit: DiagnosticsAudit;
}

const errorOf = (err: unknown) => (isAgentError(err) ? { code: err.code, message: err.message } : { code: 'INTERNAL_ERROR', message: String(err) });

export class LockerTools {
  constructor(private readonly deps: LockerToolsDeps) {}

  private bank(): LockerBank {
    if (!this.deps.bank) throw new AgentError('LOCKER_DISABLED', 'Ki-ốt này không có tủ khóa (locker.driver là "none").');
    return this.deps.bank;
  }

  async grid(): Promise<{ status: ReturnType<LockerBank['status']> & { advice: string[] }; boards: BoardDiagnosis[]; compartments: CompartmentDiagnosis[] }> {
    const bank = this.bank();
    const known = await this.deps.lockers.compartments();
    const addresses = [...new Set(known.map((c) => c.board))];
    const states = new Map<string, LockState>();
    const boards: BoardDiagnosis[] = [];
    for (const address of addresses) {
      try {
        for (const s of await bank.readBoard(address)) states.set(`${s.board}/${s.lock}`, s);
        boards.push({ address, answered: true });
      } catch (err) {
        boards.push({ address, answered: false, error: errorOf(err) });
      }
    }
    const status = bank.status();
    return {
      status: { ...status, advice: faultAdvice('locker', status.state) },
      boards,
      compartments: known.map((c) => ({ board: c.board, lock: c.lock, open: states.get(`${c.board}/${c.lock}`)?.open ?? null, dossierCode: c.dossierCode ?? null, overdue: c.overdue })),
    };
  }

  async open(board: number, lock: number, reason: string | undefined): Promise<{ board: number; lock: number; open: boolean; dossierCode: string | null }> {
    const bank = this.bank();
    const compartment = (await this.deps.lockers.compartments()).find((c) => c.board === board && c.lock === lock);
    if (!compartment) throw new AgentError('LOCKER_UNKNOWN_LOCK', `Không có ngăn ${lock} trên bo ${board} trong cấu hình tủ (locker.boards).`);
    const dossierCode = compartment.dossierCode ?? null;
    if (dossierCode && !reason?.trim()) {
      throw new AgentError('REASON_REQUIRED', `Ngăn này đang giữ kết quả hồ sơ ${dossierCode} của công dân. Ghi lý do mở ngăn (được lưu vào nhật ký).`, { facts: { dossierCode } });
    }
    const detail = { board, lock, ...(dossierCode ? { dossierCode } : {}), ...(reason?.trim() ? { reason: reason.trim() } : {}) };
    try {
      const state = await bank.unlock(board, lock);
      await this.deps.audit.record(this.deps.clock.now(), 'locker.open', 'ok', detail);
      return { board, lock, open: state.open, dossierCode };
    } catch (err) {
      await this.deps.audit.record(this.deps.clock.now(), 'locker.open', 'failed', { ...detail, code: errorOf(err).code });
      throw err;
    }
  }

  /**
   * Opens every compartment, one at a time (a board's supply cannot release many locks at once). Every result in
   * the locker is exposed, so the request must confirm it and say why.
   */
  async openAll(confirmed: boolean, reasonGiven: string): Promise<{ opened: number; failed: { board: number; lock: number; code: string }[] }> {
    const reason = reasonGiven.trim();
    if (!confirmed) throw new AgentError('CONFIRMATION_REQUIRED', 'Mở tất cả các ngăn cần xác nhận (confirm: true): mọi kết quả trong tủ sẽ lộ ra.');
    if (reason.length < 3) throw new AgentError('REASON_REQUIRED', 'Ghi lý do mở tất cả các ngăn (được lưu vào nhật ký).');
    const bank = this.bank();
    const failed: { board: number; lock: number; code: string }[] = [];
    let opened = 0;
    for (const c of await this.deps.lockers.compartments()) {
      try {
        await bank.unlock(c.board, c.lock);
        opened++;
      } catch (err) {
        failed.push({ board: c.board, lock: c.lock, code: errorOf(err).code });
      }
    }
    await this.deps.audit.record(this.deps.clock.now(), 'locker.open-all', failed.length === 0 ? 'ok' : 'failed', { reason, opened, failed: failed.length });
    return { opened, failed };
  }
}
