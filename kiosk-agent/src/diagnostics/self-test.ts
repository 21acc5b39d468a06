/**
 * Self-test: every probe a technician would run by hand, in one go — the store answers and is intact, there is
 * disk space, the configured serial ports exist, the printer reports ready, the scanner is connected, every lock
 * board answers. Probes only read; nothing is printed or opened unless asked (`print`).
 */
import { existsSync, statfsSync } from 'node:fs';
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { LockerBank } from '../devices/locker/locker-board';
import type { Printer } from '../devices/printer/printer';
import { isAgentError } from '../errors/agent-error';
import type { SqlStore } from '../store/store-port';
import { faultAdvice, type DeviceKind } from '../i18n/fault-advice';

export interface SelfTestCheck {
  name: string;
  ok: boolean;
  detail: string;
  advice: string[];
}

export interface SelfTestDeps {
  store: Pick<SqlStore, 'integrityCheck'>;
  dataDir: string;
  printer: Printer;
  scannerStatus: () => DeviceStatus;
  locker: LockerBank | undefined;
  boardAddresses: readonly number[];
  /** Serial paths the config names (scanner, locker, a serial printer), with what uses them. */
  serialPaths: readonly { path: string; usedBy: string }[];
}

const MIN_FREE_BYTES = 200 * 1024 * 1024;
const messageOf = (err: unknown) => (isAgentError(err) ? `${err.code}: ${err.message}` : String(err));

function deviceCheck(name: string, kind: DeviceKind, s: DeviceStatus): SelfTestCheck {
  const ok = s.state === 'ready' || s.state === 'paper-low' || s.state === 'disabled';
  return { name, ok, detail: `${s.state} (${s.driver})${s.lastError ? ` — ${s.lastError}` : ''}`, advice: ok ? [] : faultAdvice(kind, s.state) };
}

export async function runSelfTest(deps: SelfTestDeps): Promise<SelfTestCheck[]> {
  const checks: SelfTestCheck[] = [];
  try {
    const { ok, detail } = await deps.store.integrityCheck();
    checks.push({ name: 'store', ok, detail, advice: ok ? [] : ['Cơ sở dữ liệu có lỗi: sao lưu thư mục dữ liệu và liên hệ bộ phận hỗ trợ.'] });
  } catch (err) {
    checks.push({ name: 'store', ok: false, detail: messageOf(err), advice: ['Không đọc được cơ sở dữ liệu: kiểm tra ổ đĩa và quyền ghi thư mục dữ liệu.'] });
  }
  try {
    const fs = statfsSync(deps.dataDir);
    const free = fs.bavail * fs.bsize;
    checks.push({ name: 'disk', ok: free >= MIN_FREE_BYTES, detail: `${Math.round(free / 1048576)} MiB trống`, advice: free >= MIN_FREE_BYTES ? [] : ['Ổ đĩa sắp đầy: xóa tệp không cần thiết hoặc thay ổ đĩa.'] });
  } catch (err) {
    checks.push({ name: 'disk', ok: false, detail: messageOf(err), advice: [] });
  }
  for (const { path, usedBy } of deps.serialPaths) {
    const ok = existsSync(path);
    checks.push({ name: `port ${path}`, ok, detail: `${usedBy}: ${ok ? 'có' : 'không có'} ${path}`, advice: ok ? [] : [`Không thấy cổng ${path}: cắm lại cáp USB của ${usedBy}, xem màn hình "Cổng nối tiếp" để biết tên cổng hiện có.`] });
  }
  const printerStatus = await deps.printer.refreshStatus().catch(() => deps.printer.status());
  checks.push(deviceCheck('printer', 'printer', printerStatus));
  checks.push(deviceCheck('scanner', 'scanner', deps.scannerStatus()));
  for (const address of deps.boardAddresses) {
    if (!deps.locker) break;
    try {
      const locks = await deps.locker.readBoard(address);
      checks.push({ name: `locker board ${address}`, ok: true, detail: `${locks.length} khóa, ${locks.filter((l) => l.open).length} cửa đang mở`, advice: [] });
    } catch (err) {
      checks.push({ name: `locker board ${address}`, ok: false, detail: messageOf(err), advice: faultAdvice('locker', 'offline') });
    }
  }
  return checks;
}
