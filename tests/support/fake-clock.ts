/** A settable clock for the queue (the day key is derived from it on every call). */
import type { Clock } from '../../kiosk-agent/src/core/clock';

export class FakeClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
