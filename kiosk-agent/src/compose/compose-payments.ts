/** The fees side of the composition root (issue 21): the payment desk, the fees report, their events and alerts. */
import type { SiteConfig } from '../config/site-config-schema';
import type { Clock } from '../core/clock';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../logger';
import { FeesReport } from '../payments/fees-report';
import { PaymentDesk } from '../payments/payment-desk';
import type { SqlStore } from '../store/store-port';

export interface PaymentsSide {
  desk: PaymentDesk;
  report: FeesReport;
}

export function composePayments(args: { config: SiteConfig; store: SqlStore; clock: Clock; events: EventHub; log: Logger }): PaymentsSide {
  const { config, store, clock, events } = args;
  const log = args.log.child({ module: 'payments' });
  const desk = new PaymentDesk({
    store,
    clock,
    timeZone: config.center.timezone,
    kioskId: config.kiosk.id,
    payments: config.payments,
    received: (e) => events.publish('payment.received', e),
    alert: (alert) => {
      log.warn({ kind: alert.kind, dossier: alert.dossierCode }, 'payment needs staff');
      events.publish('staff.alert', alert);
    },
  });
  return { desk, report: new FeesReport(desk.repository, config.center.timezone, () => clock.now()) };
}
