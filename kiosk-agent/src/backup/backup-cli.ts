/**
 * `npm run backup -- --config FILE`: one verified backup of the site's store now, into `backup.dir` (or
 * `<dataDir>/backups/`), then the folder rotated (README "Backups and restore"). Safe while the agent runs. The nightly
 * timer of the Debian install kit runs this; so does its upgrade script before an upgrade.
 */
import { backupDirOf, backupNow } from './make-backup';
import { megabytes, readCommandLine, runCommand } from './cli-common';

const USAGE = 'usage: npm run backup -- --config FILE';

runCommand(async () => {
  const { config } = readCommandLine(USAGE, 0);
  const made = await backupNow(config);
  const kind = made.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  process.stdout.write(`Đã sao lưu và kiểm tra / backup made and verified: ${made.path} (${kind}, lược đồ/schema v${made.version}, ${megabytes(made.bytes)})\n`);
  if (!config.backup) process.stdout.write(`Chưa cấu hình backup.dir: bản sao lưu nằm cùng ổ đĩa với dữ liệu / no backup.dir configured: the backup is on the data disk (${backupDirOf(config)})\n`);
  const { removed, problems } = made.rotation;
  if (removed.length > 0) process.stdout.write(`Đã xoá ${removed.length} bản cũ / removed ${removed.length} old backup(s): ${removed.join(', ')}\n`);
  for (const p of problems) process.stderr.write(`Không xoá được bản cũ / could not remove an old backup: ${p}\n`);
});
