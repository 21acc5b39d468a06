/** Officers for tests: an account added on the agent's store (as `npm run staff` does), signed in through the API. */
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { StaffRole } from '../../kiosk-agent/src/staff/staff-account-repository';
import { postJson } from './http';

export const OFFICER_PASSWORD = 'mat-khau-thu-nghiem';

/** Adds `username` with `role` and signs it in: the Authorization header of its session. */
export async function signedIn(agent: RunningAgent, username: string, role: StaffRole, counterId?: string): Promise<{ authorization: string }> {
  if (!(await agent.staff.accounts.byUsername(username))) await agent.staff.add({ username, name: `Cán bộ ${username}`, role, password: OFFICER_PASSWORD });
  const res = await postJson<{ token: string }>(`${agent.url}/api/staff/session`, { username, password: OFFICER_PASSWORD, ...(counterId ? { counterId } : {}) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res.body)}`);
  return { authorization: `Bearer ${res.body.token}` };
}
