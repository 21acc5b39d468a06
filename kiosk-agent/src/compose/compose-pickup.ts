/**
 * The result-pickup side of the composition root: dossiers, the one-stop system adapter, the outbox that carries
 * notifications and report-backs, lockers, receipts and ratings. Kept apart from agent.ts so each stays readable.
 */
import type { SiteConfig } from '../config/site-config-schema';
import type { Devices } from './create-devices';
import type { EventHub } from '../events/event-hub';
import { RatingService } from '../feedback/rating-service';
import type { Logger } from '../logger';
import { LogNotifier, WebhookNotifier, type Notifier, type OutgoingMessage } from '../notify/notifier';
import { Outbox } from '../notify/outbox';
import { DossierService } from '../pickup/dossier-service';
import { HandoverReceipts } from '../pickup/handover-receipts';
import { LockerDeposits } from '../pickup/locker-deposits';
import type { LockerDeps } from '../pickup/locker-deps';
import { LockerHandovers } from '../pickup/locker-handovers';
import { pickupRepos } from '../pickup/pickup-repos';
import type { KioskDirectory } from '../pickup/kiosk-directory';
import { OverdueReminders } from '../pickup/overdue-reminders';
import { PaymentRepository } from '../payments/payment-repository';
import { PickupCodeHasher } from '../pickup/pickup-code';
import { Retention } from '../privacy/retention';
import type { Clock } from '../core/clock';
import { unitOfWork, type SqlStore } from '../store/store-port';
import { createUpstream } from './create-upstream';
import type { StatusReport } from '../upstream/upstream-adapter';

export interface PickupSide {
  dossiers: DossierService;
  deposits: LockerDeposits;
  handovers: LockerHandovers;
  ratings: RatingService;
  reminders: OverdueReminders;
  outbox: Outbox;
  /** The SMS/Zalo gateway the outbox delivers through (monitoring sends a stuck-outbox alert past the outbox). */
  notifier: Notifier;
  /** Stops timers and the outbox worker; the store is closed by the caller. */
  stop(): Promise<void>;
}

export function composePickup(args: {
  config: SiteConfig;
  store: SqlStore;
  /** This kiosk (registered in the store) and the centre's others. */
  kiosks: KioskDirectory;
  clock: Clock;
  log: Logger;
  events: EventHub;
  devices: Devices;
  /** The kiosk's secret key (config/secret-key.ts): pickup-code hashes are keyed with it. */
  secretKey: Buffer;
  /** A background task failed: the store's health hears of it, anything else is logged. Never throws. */
  onBackgroundError: (err: unknown, what: string) => void;
}): PickupSide {
  const { config, store, clock, log, events, devices, onBackgroundError } = args;
  const pickupStore = unitOfWork(store, pickupRepos(() => clock.now(), args.kiosks.here.id));
  const upstream = createUpstream(config.upstream);
  const dossiers = new DossierService(pickupStore, clock, config.center.timezone, upstream, log.child({ module: 'upstream' }), args.kiosks);
  const notifier: Notifier =
    config.notifier.driver === 'webhook'
      ? new WebhookNotifier({ url: config.notifier.url, timeoutMs: config.notifier.timeoutMs, ...(config.notifier.token ? { token: config.notifier.token } : {}) })
      : new LogNotifier(log.child({ module: 'notify' }));
  const outbox = new Outbox(
    store,
    () => clock.now(),
    {
      notify: (item, signal) => notifier.send(item.payload as OutgoingMessage, signal),
      'upstream.report': (item, signal) => upstream.reportStatus(item.payload as StatusReport, signal),
    },
    {
      pollMs: config.outbox.pollMs,
      minBackoffMs: config.outbox.minBackoffMs,
      // On a store the centre's agents share, a message being sent stays claimed as long as a delivery may take.
      leaseMs:
        config.store.driver === 'postgres'
          ? Math.max(config.notifier.driver === 'webhook' ? config.notifier.timeoutMs : 0, config.upstream.driver === 'http' ? config.upstream.timeoutMs : 0) + 2000
          : 0,
      log: log.child({ module: 'outbox' }),
      onWorkerError: (err) => onBackgroundError(err, 'outbox'),
    },
  );
  const paymentsOf = new PaymentRepository(store);
  const receipts = new HandoverReceipts({
    dossiers: pickupStore.read.records,
    printer: devices.printer,
    centerName: config.center.name,
    timeZone: config.center.timezone,
    events,
    log: log.child({ module: 'receipts' }),
    payments: (code) => paymentsOf.forDossier(code),
  });
  const pickupLog = log.child({ module: 'pickup' });
  const lockerDeps: LockerDeps = {
    overdueDays: config.pickup.overdueDays,
    doorReminderMs: config.pickup.doorReminderMs,
    doorAlertMs: config.pickup.doorAlertMs,
    notify: {
      staffAlert: (alert) => {
        pickupLog.warn(alert, 'staff alert');
        events.publish('staff.alert', alert);
      },
      doorReminder: (reminder) => events.publish('pickup.doorReminder', reminder),
    },
    onHandedOver: (done) => {
      void receipts.completed(done);
      outbox.flushSoon(); // tell the one-stop system now rather than at the next poll
    },
    centerName: config.center.name,
    codes: new PickupCodeHasher(args.secretKey),
    guessing: {
      wrongCodesPerKiosk: config.pickup.guessing.wrongCodesPerKiosk,
      windowMs: config.pickup.guessing.windowMinutes * 60_000,
      pauseMs: config.pickup.guessing.pauseMinutes * 60_000,
      lockoutsBeforeStaff: config.pickup.guessing.lockoutsBeforeStaff,
    },
    onBackgroundError,
    store: pickupStore,
    dossiers,
    kiosks: args.kiosks,
    locker: devices.locker,
    boards: config.locker.driver === 'none' ? [] : config.locker.boards,
    clock,
    log: pickupLog,
  };
  const deposits = new LockerDeposits(lockerDeps);
  const handovers = new LockerHandovers(lockerDeps);
  const ratings = new RatingService(store, clock, config.feedback);
  const reminders = new OverdueReminders({
    store: pickupStore,
    dossiers,
    clock,
    overdueDays: config.pickup.overdueDays,
    centerName: config.center.name,
    timeZone: config.center.timezone,
  });
  const stopReminders = reminders.start(config.pickup.reminderCheckMs, (err) => onBackgroundError(err, 'overdue-reminders'));
  const retentionLog = log.child({ module: 'retention' });
  const stopRetention = new Retention(store, clock, config.privacy.retentionDays).start(config.privacy.sweepMs, {
    done: (r) => retentionLog.info(r, 'personal data past retention removed'),
    failed: (err) => onBackgroundError(err, 'retention'),
  });
  outbox.start();
  // Finish handovers and deposits a crash interrupted, as soon as the boards answer.
  const stopRecovery = handovers.recoverInBackground();
  return {
    dossiers,
    deposits,
    handovers,
    ratings,
    reminders,
    outbox,
    notifier,
    stop: async () => {
      stopRecovery();
      stopReminders();
      stopRetention();
      handovers.stop();
      await outbox.stop();
    },
  };
}
