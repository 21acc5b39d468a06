/**
 * Alerts that reach a person without a dashboard (README "Monitoring", config `alerts`): a device fault that lasts
 * `afterMinutes`, or an outbox whose oldest undelivered item is `outboxStuckMinutes` old, is sent by SMS to every
 * number of `alerts.to`, once per fault (fault-spells.ts: not again until it recovered and failed again). The text
 * names the kiosk, the device and what to check (i18n/fault-advice.ts, as the diagnostics screens say it): no
 * citizen's data.
 *
 * How each is delivered:
 * - A device fault goes through the outbox, like every other message: durable, retried until the gateway takes it.
 * - A stuck outbox goes straight to the notifier, bypassing the outbox. Queued, it would sit in the very queue that
 *   is not moving (the worker failing on the store, or a backlog of retries ahead of it); sent directly it reaches
 *   the technician whenever the gateway answers — the usual case, when what is stuck is the one-stop system's
 *   report-backs or messages one number refuses. When the gateway itself is down no SMS can go: each check tries
 *   again, directly, the numbers that have not accepted it yet, until the outbox moves again; the metric
 *   `kiosk_outbox_oldest_pending_age_seconds` is there for a monitoring system to see that case.
 */
import type { DeviceState, DeviceStatus } from '../../../shared/api-schemas';
import { faultAdvice } from '../i18n/fault-advice';
import { MONITORING_TEXT } from '../i18n/monitoring-text';
import type { OutgoingMessage } from '../notify/notifier';
import type { DeviceName } from './agent-metrics';
import { FaultSpells } from './fault-spells';

/** States in which a device does not do its job. `paper-low` still prints; `disabled` is a device not fitted. */
const FAULT_STATES: ReadonlySet<DeviceState> = new Set<DeviceState>(['offline', 'paper-out', 'cover-open', 'error']);

export interface FaultAlertDeps {
  /** The technicians' numbers (config `alerts.to`). */
  to: readonly string[];
  afterMs: number;
  outboxStuckMs: number;
  /** How an alert names the kiosk (i18n/monitoring-text.ts `kioskLabel`). */
  kiosk: string;
  devices: () => Record<DeviceName, DeviceStatus>;
  outboxBacklog: () => Promise<{ pending: number; oldestCreatedMs: number | null }>;
  /** Adds messages to the outbox and wakes its worker. */
  queue: (messages: OutgoingMessage[]) => Promise<void>;
  /** Hands one message to the gateway now; throws when it is not accepted. */
  sendNow: (message: OutgoingMessage) => Promise<void>;
  now: () => number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const minutesSince = (sinceMs: number, nowMs: number): number => Math.floor((nowMs - sinceMs) / 60_000);

export class FaultAlerts {
  private readonly devices = new FaultSpells<DeviceName>();
  private readonly outbox = new FaultSpells<'outbox'>();
  /** When the oldest pending message of the current stuck spell was created (null: not stuck). */
  private stuckOldestMs: number | null = null;
  /** The numbers that accepted the current stuck-outbox alert (it goes number by number, straight to the gateway). */
  private readonly outboxTold = new Set<string>();
  private readonly to: readonly string[];
  private checking = false;

  constructor(private readonly deps: FaultAlertDeps) {
    this.to = [...new Set(deps.to)];
  }

  /** A device reported a new state (device.changed): a fault's spell starts at that instant, not at the next check. */
  deviceChanged(device: DeviceName, status: DeviceStatus): void {
    this.devices.note(device, FAULT_STATES.has(status.state), this.deps.now());
  }

  /** Sends what is due, one check at a time. An alert that could not be queued (the store) stays due for the next. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.checkDevices();
      await this.checkOutbox();
    } finally {
      this.checking = false;
    }
  }

  /** Checks every `checkMs` (config `alerts.checkMs`) until the returned function is called. */
  start(checkMs: number, onError: (err: unknown) => void): () => void {
    const timer = setInterval(() => this.check().catch(onError), checkMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async checkDevices(): Promise<void> {
    for (const [device, status] of Object.entries(this.deps.devices()) as [DeviceName, DeviceStatus][]) {
      const now = this.deps.now();
      this.devices.note(device, FAULT_STATES.has(status.state), now);
      const due = this.devices.due(device, now, this.deps.afterMs);
      if (!due) continue;
      const text = MONITORING_TEXT.deviceFault({
        kiosk: this.deps.kiosk,
        device,
        state: status.state,
        minutes: minutesSince(due.sinceMs, now),
        // The most likely cause: an SMS is read on a phone, the whole list is on the diagnostics screen.
        advice: faultAdvice(device, status.state)[0],
      });
      await this.deps.queue(this.to.map((to) => ({ to, text, alert: `${device}.${status.state}` })));
      this.devices.alerted(device);
      this.deps.log.info({ device, state: status.state, recipients: this.to.length }, 'device fault alert queued');
    }
  }

  private async checkOutbox(): Promise<void> {
    const { pending, oldestCreatedMs } = await this.deps.outboxBacklog();
    const now = this.deps.now();
    const stuck = oldestCreatedMs !== null && now - oldestCreatedMs >= this.deps.outboxStuckMs;
    // The outbox moved if the message that was stuck is gone: its oldest pending one is younger now. That ends the
    // spell even when no check happened to see it empty (it may drain and stick again between two checks).
    const moved = this.stuckOldestMs !== null && (oldestCreatedMs === null || oldestCreatedMs > this.stuckOldestMs);
    if (moved) this.outbox.note('outbox', false, now);
    this.stuckOldestMs = stuck ? oldestCreatedMs : null;
    this.outbox.note('outbox', stuck, now);
    if (!stuck || moved) this.outboxTold.clear();
    if (!stuck || !this.outbox.due('outbox', now, 0)) return;
    const text = MONITORING_TEXT.outboxStuck({ kiosk: this.deps.kiosk, pending, minutes: minutesSince(oldestCreatedMs, now) });
    for (const to of this.to) {
      if (this.outboxTold.has(to)) continue;
      try {
        await this.deps.sendNow({ to, text, alert: 'outbox.stuck' });
        this.outboxTold.add(to);
      } catch (err) {
        this.deps.log.warn({ err: (err as Error).message }, 'stuck-outbox alert not accepted by the gateway; tried again at the next check');
      }
    }
    if (this.to.every((to) => this.outboxTold.has(to))) {
      this.outbox.alerted('outbox');
      this.deps.log.info({ pending, recipients: this.to.length }, 'stuck-outbox alert sent');
    }
  }
}
