/**
 * The demo panel's simulated bank (README "Demo"): one press sends one transfer, a press while it is on its way is
 * ignored (a double tap must not pay twice), and what the bank did — or that it failed — is kept for the panel.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { demoDevicesMachine } from '../../kiosk-ui/src/flows/demo-devices/demo-devices.machine';
import { SAMPLE_SLIPS } from '../../kiosk-ui/src/flows/demo-devices/sample-slips';
import type { DemoBankTransfer } from '../../shared/payment-schemas';

const FEE_SLIP = SAMPLE_SLIPS.find((s) => s.fee > 0)!;

function panel(answer: (code: string) => Promise<DemoBankTransfer>) {
  const calls: string[] = [];
  const actor = createActor(
    demoDevicesMachine.provide({
      actors: {
        bankTransfer: fromPromise<DemoBankTransfer, { dossierCode: string }>(({ input }) => {
          calls.push(input.dossierCode);
          return answer(input.dossierCode);
        }),
      },
    }),
  ).start();
  return { actor, calls };
}

describe('the demo panel’s simulated bank', () => {
  it('a sample slip owes a fee; one press pays it once, a second tap while paying is ignored', async () => {
    expect(FEE_SLIP.fee).toBeGreaterThan(0);
    let release: (t: DemoBankTransfer) => void = () => undefined;
    const { actor, calls } = panel(() => new Promise((resolve) => (release = resolve)));
    actor.send({ type: 'bank.pay', dossierCode: FEE_SLIP.code });
    actor.send({ type: 'bank.pay', dossierCode: FEE_SLIP.code });
    expect(actor.getSnapshot().matches({ bank: 'paying' })).toBe(true);
    release({ status: 'recorded', dossierCode: FEE_SLIP.code, amount: FEE_SLIP.fee, due: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([FEE_SLIP.code]);
    expect(actor.getSnapshot().context).toMatchObject({ bankResult: { status: 'recorded', amount: FEE_SLIP.fee }, bankFailed: false });
  });

  it('a failed press says so and keeps no stale result', async () => {
    const { actor } = panel(() => Promise.reject(new Error('DEMO_BANK_FAILED')));
    actor.send({ type: 'bank.pay', dossierCode: FEE_SLIP.code });
    await new Promise((r) => setTimeout(r, 0));
    expect(actor.getSnapshot().context).toMatchObject({ bankResult: null, bankFailed: true });
    expect(actor.getSnapshot().matches({ bank: 'idle' })).toBe(true);
  });
});
