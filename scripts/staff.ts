/**
 * `npm run staff -- --config FILE add --username lan --name "Nguyễn Thị Lan" --role officer` (the password on
 * standard input, never on the command line, where `ps` and the shell's history would keep it), and `list`,
 * `disable --username U`, `enable --username U`, `reset-password --username U` (password on standard input).
 * Works on the site's store, SQLite or the centre's PostgreSQL, with the agent running or not.
 */
import { parseArgs } from 'node:util';
import { createStore } from '../kiosk-agent/src/compose/create-store';
import { loadSiteConfigFile } from '../kiosk-agent/src/config/load-config';
import { systemClock } from '../kiosk-agent/src/core/clock';
import { isAgentError } from '../kiosk-agent/src/errors/agent-error';
import { STAFF_ROLES, type StaffRole } from '../kiosk-agent/src/staff/staff-account-repository';
import { StaffSessions } from '../kiosk-agent/src/staff/staff-sessions';
import { UsernameSchema } from '../shared/staff-schemas';

const USAGE = `usage: npm run staff -- --config FILE add --username U --name "Họ tên" --role officer|supervisor|admin   (password on stdin)
       npm run staff -- --config FILE list | disable --username U | enable --username U | reset-password --username U`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The password from standard input: everything up to the first line break. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / password: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { config: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const command = positionals[0];
  if (!values.config || !command) fail(USAGE);
  const config = loadSiteConfigFile(values.config);
  const store = await createStore(config, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) });
  const staff = new StaffSessions({ store, clock: systemClock, config: config.staff });
  try {
    const account = async () => {
      const username = UsernameSchema.safeParse(values.username ?? '');
      if (!username.success) fail('--username: letters, digits, dot, dash or underscore, 2–32 long');
      const found = await staff.accounts.byUsername(username.data);
      if (!found) fail(`Không có tài khoản "${username.data}" / no such account`);
      return found;
    };
    if (command === 'add') {
      const username = UsernameSchema.safeParse(values.username ?? '');
      if (!username.success) fail('--username: letters, digits, dot, dash or underscore, 2–32 long');
      if (!values.name?.trim()) fail('--name: the officer\'s full name');
      if (!STAFF_ROLES.includes(values.role as StaffRole)) fail(`--role: one of ${STAFF_ROLES.join(', ')}`);
      const added = await staff.add({ username: username.data, name: values.name, role: values.role as StaffRole, password: await passwordFromStdin() });
      process.stdout.write(`Đã thêm tài khoản ${added.username} (${added.role}) / account added\n`);
    } else if (command === 'list') {
      for (const a of await staff.list()) {
        const state = a.disabled ? 'disabled' : a.locked ? 'locked' : a.signedInAt.length ? `signed in at ${a.signedInAt.map((c) => c ?? '?').join(', ')}` : '';
        process.stdout.write(`${a.username.padEnd(20)} ${a.role.padEnd(11)} ${a.name}${state ? `  [${state}]` : ''}\n`);
      }
    } else if (command === 'disable' || command === 'enable') {
      const { sessionsEnded } = await staff.setDisabled((await account()).id, command === 'disable');
      process.stdout.write(`${command === 'disable' ? `Đã vô hiệu hóa; ${sessionsEnded} phiên kết thúc / disabled` : 'Đã bật lại / enabled'}\n`);
    } else if (command === 'reset-password') {
      await staff.resetPassword((await account()).id, await passwordFromStdin());
      process.stdout.write('Đã đặt lại mật khẩu / password reset\n');
    } else fail(USAGE);
  } catch (err) {
    fail(isAgentError(err) ? err.message : `Lỗi / error: ${(err as Error).message}`);
  } finally {
    await store.close();
  }
}

void main();
