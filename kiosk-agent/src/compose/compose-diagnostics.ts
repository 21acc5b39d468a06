/**
 * The technician's side of the composition root: entry (PIN, sessions, audit) and the tools the diagnostics
 * routes use, built from the config and the devices agent.ts already made.
 */
import { existsSync } from 'node:fs';
import type { FullHealth } from '../../../shared/api-schemas';
import type { DiagnosticsRouteDeps } from '../api/routes/diagnostics-routes';
import type { SiteConfig } from '../config/site-config-schema';
import type { Devices } from './create-devices';
import { parseSerialUri } from '../devices/printer/serial-transport';
import { formatSlipTime } from '../slips/slip-time';
import { selfTestReport } from '../slips/test-print-slips';
import { listSerialPorts } from '../devices/serial/list-ports';
import { DiagnosticsAudit } from '../diagnostics/diagnostics-audit';
import { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { LockerTools } from '../diagnostics/locker-tools';
import type { LogRing } from '../diagnostics/log-ring';
import { PrinterTools } from '../diagnostics/printer-tools';
import { ScanLog } from '../diagnostics/scan-log';
import { runSelfTest } from '../diagnostics/self-test';
import { TechnicianGate } from '../diagnostics/technician-gate';
import type { LockerDeposits } from '../pickup/locker-deposits';
import type { Clock } from '../core/clock';
import type { SqlStore } from '../store/store-port';

const SECRET_KEY = /token|pinhash|secret|password|key(file)?$/i;

/**
 * A URL without what may be a secret in it: `user:pass@`, the query string (gateways take `?apikey=`) and the
 * fragment. Anything that does not parse as a URL is left as it is.
 */
export function stripUrlSecrets(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    const hadSecrets = url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '';
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return hadSecrets ? `${url.toString()} (***)` : value;
  } catch {
    return value;
  }
}

/** A deep copy with every secret-looking value replaced, so a bundle can be mailed to support. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? (Array.isArray(v) ? v.map(() => '***') : '***') : redactSecrets(v)]));
  }
  if (typeof value === 'string') return stripUrlSecrets(value);
  return value;
}

/** The serial paths the config names, with the device that uses each. */
export function configuredSerialPaths(config: SiteConfig): { path: string; usedBy: string }[] {
  const paths: { path: string; usedBy: string }[] = [];
  if (config.scanner.driver === 'serial') paths.push({ path: config.scanner.path, usedBy: 'máy quét' });
  if (config.locker.driver === 'kerong-cu') paths.push({ path: config.locker.path, usedBy: 'tủ khóa' });
  if (config.printer.driver === 'escpos') {
    const serial = config.printer.interface.startsWith('serial:') ? parseSerialUri(config.printer.interface).path : undefined;
    const device = config.printer.interface.startsWith('/') ? config.printer.interface : undefined;
    if (serial ?? device) paths.push({ path: (serial ?? device)!, usedBy: 'máy in' });
  }
  return paths;
}

export function composeDiagnostics(args: {
  config: SiteConfig;
  store: SqlStore;
  clock: Clock;
  devices: Devices;
  lockers: LockerDeposits;
  health: () => FullHealth;
  logRing: LogRing;
  startedAtMs: number;
}): DiagnosticsRouteDeps {
  const { config, store, clock, devices } = args;
  const { printer } = devices;
  const audit = new DiagnosticsAudit(store);
  const interfaceName = config.printer.driver === 'escpos' ? config.printer.interface : 'simulated';
  const boardAddresses = config.locker.driver === 'none' ? [] : config.locker.boards.map((b) => b.address);
  const serialPaths = configuredSerialPaths(config);
  return {
    gate: new TechnicianGate({ pinHash: config.technician?.pinHash, audit, clock, idleMs: (config.technician?.idleMinutes ?? 5) * 60_000 }),
    audit,
    printer: new PrinterTools({ printer, layout: config.printer, interfaceName, centerName: config.center.name, timeZone: config.center.timezone, clock, audit }),
    lockers: new LockerTools({ bank: devices.locker, lockers: args.lockers, clock, audit }),
    service: new DiagnosticsService({
      audit,
      clock,
      health: args.health,
      refreshPrinter: () => printer.refreshStatus(),
      startedAtMs: args.startedAtMs,
      storePath: store.location,
      runChecks: () =>
        runSelfTest({
          store,
          dataDir: config.dataDir,
          printer,
          scannerStatus: () => devices.scanner?.status() ?? devices.disabled(config.scanner.driver),
          locker: devices.locker,
          boardAddresses,
          serialPaths,
        }),
      printReport: async (checks) => {
        await printer.print(selfTestReport({ centerName: config.center.name, printedAt: formatSlipTime(clock.now(), config.center.timezone), checks }));
      },
      listPorts: () => listSerialPorts(),
      configuredPorts: () => serialPaths.map((p) => ({ ...p, present: existsSync(p.path) })),
      logRing: args.logRing,
      scanLog: new ScanLog(devices.scanner, clock),
      redactedConfig: () => redactSecrets(config),
    }),
  };
}
