/**
 * Fees due before the compartment opens (issue 21): the VietQR large enough for a phone camera at arm's length,
 * the amount, where it goes, and a quiet "waiting for the bank" — the flow goes on by itself when the bank confirms.
 * A kiosk without `payments` shows where to pay instead.
 */
import { lazy, Suspense } from 'react';
import { useT } from '../../../i18n/i18n';
import { DossierFacts } from './dossier-facts';
import type { PickupScreenProps } from './pickup-screen-props';

// The QR encoder loads with the first payment screen, not with the kiosk's first page (as the ticket screen does).
const QrCode = lazy(() => import('../../../ui/qr-code').then((m) => ({ default: m.QrCode })));

export function PaymentScreen({ state }: PickupScreenProps) {
  const t = useT();
  const { dossier } = state.context;
  const payment = dossier?.payment;
  if (!dossier || !payment) return null;
  const due = t.pay.amount(payment.due);
  const qr = payment.vietqr;
  if (!qr) {
    return (
      <div className="payment">
        <DossierFacts dossier={dossier} />
        <div className="status-card status-card--warning" role="status">
          <p className="status-card__title">{`${t.pay.dueLabel}: ${due}`}</p>
          <p className="status-card__next">{t.pay.atCounter}</p>
        </div>
      </div>
    );
  }
  const rows: [string, string][] = [
    [t.pay.bank, qr.bankName],
    [t.pay.accountName, qr.accountName],
    [t.pay.accountNumber, qr.accountNumber],
    [t.pay.reference, qr.reference],
  ];
  return (
    <div className="payment">
      <div className="payment__qr">
        <p className="payment__scan">{t.pay.scan}</p>
        <Suspense fallback={<div className="payment__qr-placeholder" aria-hidden="true" />}>
          <QrCode value={qr.payload} label={t.pay.qrLabel(due)} size={360} />
        </Suspense>
      </div>
      <div className="payment__details">
        <p className="payment__due-label">{t.pay.dueLabel}</p>
        <p className="payment__due">{due}</p>
        {payment.paid > 0 ? (
          <p className="payment__partly" role="status">
            {t.pay.partlyPaid(t.pay.amount(payment.paid))}
          </p>
        ) : null}
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="payment__waiting" role="status">
          <span className="spinner spinner--small" aria-hidden="true" />
          {t.pay.waiting}
        </p>
        <p className="muted">{t.pay.then}</p>
      </div>
    </div>
  );
}
