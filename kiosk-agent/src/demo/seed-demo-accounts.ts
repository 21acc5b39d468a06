/**
 * Demo mode only: the demo's officer and supervisor (config/demo-config.ts DEMO_ACCOUNTS) exist at every start,
 * enabled, unlocked and with the demo password, whatever a visitor did to them in an earlier demo.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../config/demo-config';
import type { StaffSessions } from '../staff/staff-sessions';

export async function seedDemoAccounts(staff: StaffSessions): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    const found = await staff.accounts.byUsername(a.username);
    if (!found) {
      await staff.add({ ...a, password: DEMO_PASSWORD });
      continue;
    }
    await staff.setDisabled(found.id, false);
    await staff.resetPassword(found.id, DEMO_PASSWORD);
  }
}
