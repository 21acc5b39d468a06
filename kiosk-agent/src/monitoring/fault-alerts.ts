/**
 * Alerts that reach a person without a dashboard (README "Monitoring", config `alerts`): a device fault that lasts
 * `afterMinutes`, or an outbox whose oldest undelivered item is `outboxStuckMinutes` old, is sent by SMS to every
 * number of `alerts.to`, once per fault (fault-spells.ts: not again until it recovered and failed again). The text
 * names the kiosk, the device and what to check (i18n/fault-advice.ts, as the diagnostics screens say it): no
 * citizen's data.
 *
 * Whose alert it is, and how each is delivered:
 * - A device fault is this kiosk's (its own printer, scanner, lockers): every agent alerts its own, through the
 *   outbox like every other message — durable, retried until the gateway takes it.
 * - A stuck outbox is the centre's when its agents share a store: one agent per spell sends it, the one that claims
 *   it in the store, straight to the notifier past the outbox (stuck-outbox-alert.ts says why).
 */
import type { DeviceState, DeviceStatus } from '../../../shared/api-schemas';
import { faultAdvice } from '../i18n/fault-advice';
import { MONITORING_TEXT } from '../i18n/monitoring-text';
import type { OutgoingMessage } from '../notify/notifier';
import type { DeviceName } from './agent-metrics';
import type { AlertClaims } from './alert-claims';
import { FaultSpells } from './fault-spells';
import { StuckOutboxAlert } from './stuck-outbox-alert';

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
  /** Who of a centre's agents sends a stuck-outbox alert (the store's `alert_claims`). */
  claims: AlertClaims;
  now: () => number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const minutesSince = (sinceMs: number, nowMs: number): number => Math.floor((nowMs - sinceMs) / 60_000);

export class FaultAlerts {
  private readonly devices = new FaultSpells<DeviceName>();
  private readonly outbox: StuckOutboxAlert;
  private readonly to: readonly string[];
  private checking = false;

  constructor(private readonly deps: FaultAlertDeps) {
    this.to = [...new Set(deps.to)];
    this.outbox = new StuckOutboxAlert({ ...deps, to: this.to });
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
      // The outbox is checked even when queueing a device alert failed: a store that takes no writes is likely what
      // keeps the outbox stuck, and that alert does not need the store to go out.
      let devicesFailed: { err: unknown } | undefined;
      try {
        await this.checkDevices();
      } catch (err) {
        devicesFailed = { err };
      }
      await this.outbox.check();
      if (devicesFailed) throw devicesFailed.err;
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
}
