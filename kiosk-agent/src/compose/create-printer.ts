/**
 * Printer factory, chosen from config. `simulated` starts the byte-level simulator on a loopback port and drives
 * it with the real ESC/POS driver over TCP, so demo mode exercises the same code path as a real printer.
 */
import type { PrinterConfig } from '../config/site-config-schema';
import { EscposPrinter } from '../devices/printer/escpos-printer';
import { FilePrinterTransport } from '../devices/printer/file-transport';
import type { Printer } from '../devices/printer/printer';
import { SerialLink } from '../devices/serial/serial-link';
import { SerialPrinterTransport, parseSerialUri } from '../devices/printer/serial-transport';
import { SimulatedPrinter } from '../devices/printer/simulated-printer';
import { TcpPrinterTransport, parseTcpUri } from '../devices/printer/tcp-transport';

export interface CreatedPrinter {
  printer: Printer;
  simulator?: SimulatedPrinter;
  stop(): Promise<void>;
}

export class UnsupportedPrinterInterfaceError extends Error {}

export async function createPrinter(config: PrinterConfig): Promise<CreatedPrinter> {
  if (config.driver === 'simulated') {
    const simulator = new SimulatedPrinter();
    const { host, port } = await simulator.start(0, '127.0.0.1');
    const printer = new EscposPrinter(new TcpPrinterTransport(host, port, config.timeoutMs), config, 'simulated', config.statusPollMs);
    return {
      printer,
      simulator,
      stop: async () => {
        await printer.close();
        await simulator.stop();
      },
    };
  }
  const uri = config.interface;
  let printer: EscposPrinter;
  if (uri.startsWith('tcp://')) {
    const { host, port } = parseTcpUri(uri);
    printer = new EscposPrinter(new TcpPrinterTransport(host, port, config.timeoutMs), config, 'escpos', config.statusPollMs);
  } else if (uri.startsWith('/')) {
    printer = new EscposPrinter(new FilePrinterTransport(uri, config.timeoutMs), config, 'escpos', config.statusPollMs);
  } else if (uri.startsWith('serial:')) {
    const { path, baudRate } = parseSerialUri(uri);
    const link = new SerialLink({ path, baudRate });
    printer = new EscposPrinter(new SerialPrinterTransport(link, config.timeoutMs), config, 'escpos', config.statusPollMs);
    return {
      printer,
      stop: async () => {
        await printer.close();
        await link.close();
      },
    };
  } else {
    throw new UnsupportedPrinterInterfaceError(`printer.interface: "${uri}" is not tcp://host:port, a device path or serial:PATH?baud=N`);
  }
  return { printer, stop: () => printer.close() };
}
