/**
 * Print and unlock results by code, counted around the device interfaces. Neither has an event that carries the
 * outcome: `ticket.issued` goes to everyone and so drops the printer's error, receipts and test prints publish
 * nothing, and an unlock publishes nothing (a door change comes later, and only if it opened). Wrapping the
 * interface the domain already uses is the narrowest hook: every print and every unlock, from any caller, once.
 */
import type { Printer } from '../devices/printer/printer';
import type { LockerBank } from '../devices/locker/locker-board';
import { isAgentError } from '../errors/agent-error';

/** An outcome's label: ok, or the coded error (drivers throw PRINTER_* / LOCKER_*), else what the caller would map it to. */
const resultOf = (err: unknown, fallback: string): string => (isAgentError(err) ? err.code : fallback);

async function counted<T>(run: () => Promise<T>, count: (result: string) => void, fallback: string): Promise<T> {
  try {
    const value = await run();
    count('ok');
    return value;
  } catch (err) {
    count(resultOf(err, fallback));
    throw err;
  }
}

export function countingPrinter(printer: Printer, count: (result: string) => void): Printer {
  return {
    print: (doc) => counted(() => printer.print(doc), count, 'PRINTER_ERROR'),
    status: () => printer.status(),
    refreshStatus: () => printer.refreshStatus(),
    onStatusChange: (listener) => printer.onStatusChange(listener),
    lastStatus: () => printer.lastStatus(),
    close: () => printer.close(),
  };
}

export function countingLockers(locker: LockerBank, count: (result: string) => void): LockerBank {
  return {
    unlock: (board, lock) => counted(() => locker.unlock(board, lock), count, 'LOCKER_NOT_OPENED'),
    readBoard: (board) => locker.readBoard(board),
    status: () => locker.status(),
    onStatusChange: (listener) => locker.onStatusChange(listener),
    onDoor: (listener) => locker.onDoor(listener),
    close: () => locker.close(),
  };
}
