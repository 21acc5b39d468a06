/**
 * The demo's simulated bank on the panel (README "Demo"): under the sample slip that owes a fee, the button that
 * makes the bank confirm the transfer, and what it did. The press goes to the panel's machine, whose actor calls
 * the agent; the kiosk waiting on the VietQR screen hears the payment as from a real bank and goes on by itself.
 */
import type { DemoBankTransfer } from '../../../../shared/payment-schemas';
import { useT } from '../../i18n/i18n';
import type { SampleSlip } from './sample-slips';

export function DemoBankButton({ slip, paying, onPay }: { slip: SampleSlip; paying: boolean; onPay: () => void }) {
  const t = useT();
  const hint = `demo-bank-${slip.code}`;
  return (
    <div className="demo-printer__bank">
      <button type="button" aria-describedby={hint} disabled={paying} onClick={onPay}>
        {t.demoDevices.bankPay}
      </button>
      <span id={hint}>{t.demoDevices.bankFor(slip.code, t.pay.amount(slip.fee))}</span>
    </div>
  );
}

export function DemoBankOutcome({ result, failed }: { result: DemoBankTransfer | null; failed: boolean }) {
  const t = useT();
  if (failed) return <p role="alert">{t.demoDevices.bankFailed}</p>;
  if (!result) return null;
  return (
    <p className="demo-printer__note" role="status">
      {result.status === 'recorded' ? t.demoDevices.bankRecorded(result.dossierCode, t.pay.amount(result.amount)) : t.demoDevices.bankNothingDue(result.dossierCode)}
    </p>
  );
}
