/**
 * Builds every device from the site config: a real driver on a real port, or the same driver talking to a
 * simulator in-process (demo mode and tests). The only place that knows which concrete drivers run.
 */
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { SiteConfig } from '../config/site-config-schema';
import type { Logger } from '../logger';
import { kerongCuProtocol } from '../devices/locker/kerong-cu/kerong-cu-protocol';
import { LockBoardDriver } from '../devices/locker/lock-board-driver';
import type { LockerBank } from '../devices/locker/locker-board';
import { SimulatedLockerBus } from '../devices/locker/simulated-locker-bus';
import type { Printer } from '../devices/printer/printer';
import { createPrinter } from './create-printer';
import type { Simulators } from './demo-controls';
import type { Scanner } from '../devices/scanner/scanner';
import { SerialScanner } from '../devices/scanner/serial-scanner';
import { SimulatedScanner } from '../devices/scanner/simulated-scanner';
import { memoryLinkPair, type ByteLink } from '../devices/serial/byte-link';
import { SerialLink } from '../devices/serial/serial-link';

export interface Devices {
  printer: Printer;
  scanner?: Scanner;
  locker?: LockerBank;
  /** The simulators behind simulated devices (demo mode and tests), each present only when that device is simulated. */
  simulators: Simulators;
  /** Status of a device that is configured as `none`. */
  disabled: (driver: string) => DeviceStatus;
  stop(): Promise<void>;
}

export async function createDevices(config: SiteConfig, log: Logger): Promise<Devices> {
  const links: ByteLink[] = [];
  const created = await createPrinter(config.printer);
  const simulators: Simulators = created.simulator ? { printer: created.simulator } : {};

  let scanner: Scanner | undefined;
  if (config.scanner.driver === 'serial') {
    const link = new SerialLink({ path: config.scanner.path, baudRate: config.scanner.baudRate, logBytes: false, log: log.child({ module: 'scanner' }) });
    links.push(link);
    scanner = new SerialScanner(link, { suffix: config.scanner.suffix, interByteTimeoutMs: config.scanner.interByteTimeoutMs });
  } else if (config.scanner.driver === 'simulated') {
    const [agentSide, deviceSide] = memoryLinkPair('simulated-scanner');
    links.push(agentSide, deviceSide);
    scanner = new SerialScanner(agentSide, { suffix: config.scanner.suffix }, 'simulated');
    simulators.scanner = new SimulatedScanner(deviceSide, config.scanner.suffix);
  }

  let locker: LockerBank | undefined;
  if (config.locker.driver === 'kerong-cu') {
    const link = new SerialLink({ path: config.locker.path, baudRate: config.locker.baudRate, log: log.child({ module: 'locker' }) });
    links.push(link);
    locker = new LockBoardDriver(link, kerongCuProtocol, {
      boards: config.locker.boards,
      replyTimeoutMs: config.locker.replyTimeoutMs,
      retries: config.locker.retries,
      pollMs: config.locker.pollMs,
      log: log.child({ module: 'locker' }),
    });
  } else if (config.locker.driver === 'simulated') {
    const [agentSide, deviceSide] = memoryLinkPair('simulated-locker-bus');
    links.push(agentSide, deviceSide);
    simulators.locker = new SimulatedLockerBus(deviceSide, config.locker.boards);
    locker = new LockBoardDriver(agentSide, kerongCuProtocol, { boards: config.locker.boards, pollMs: config.locker.pollMs }, 'simulated kerong-cu');
  }

  return {
    printer: created.printer,
    ...(scanner ? { scanner } : {}),
    ...(locker ? { locker } : {}),
    simulators,
    disabled: (driver) => ({ state: 'disabled', driver }),
    stop: async () => {
      await locker?.close();
      await scanner?.close();
      await created.stop();
      for (const l of links) await l.close();
    },
  };
}
