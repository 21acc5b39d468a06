/** Putting a dossier's result in a locker the way an officer does, for tests that start from "in locker". */
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { postJson } from './http';
import { waitUntil } from './socat';
import { STAFF_TOKEN } from './test-config';

export const STAFF = { authorization: `Bearer ${STAFF_TOKEN}` };

export interface Deposited {
  board: number;
  lock: number;
  pickupCode: string;
}

/**
 * Creates (or updates) the dossier as ready, deposits it (the simulated compartment opens), shuts the door and waits
 * until the kiosk says the result is in the locker.
 */
export async function depositInLocker(
  agent: RunningAgent,
  code: string,
  dossier: { procedure?: string; applicantName?: string; phone?: string; size?: 'S' | 'M' | 'L' } = {},
  /** Who deposits: the integration token by default, or an officer's session (tests/support/officers.ts). */
  as: { authorization: string } = STAFF,
): Promise<Deposited> {
  const created = await postJson(
    `${agent.url}/api/dossiers`,
    {
      code,
      procedure: dossier.procedure ?? 'Chứng thực bản sao',
      applicantName: dossier.applicantName ?? 'Nguyễn Văn An',
      ...(dossier.phone ? { phone: dossier.phone } : {}),
      dueDate: '2026-12-05',
      status: 'ready',
    },
    as,
  );
  if (created.status !== 200) throw new Error(`dossier ${code} not stored: ${JSON.stringify(created.body)}`);
  const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(
    `${agent.url}/api/lockers/deposit`,
    { dossierCode: code, ...(dossier.size ? { size: dossier.size } : {}) },
    as,
  );
  if (res.status !== 200) throw new Error(`deposit of ${code} refused: ${JSON.stringify(res.body)}`);
  agent.simulators.locker!.closeDoor(res.body.compartment.board, res.body.compartment.lock);
  await waitUntil(async () => (await postJson<{ inLocker?: boolean }>(`${agent.url}/api/pickup/lookup`, { code })).body.inLocker === true, 3000, `${code} in the locker`);
  return { ...res.body.compartment, pickupCode: res.body.pickupCode };
}
