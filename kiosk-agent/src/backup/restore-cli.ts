/**
 * `npm run restore -- --config FILE BACKUP`: puts a backup (or a pre-migration snapshot) back into the site's store,
 * the agent stopped (README "Backups and restore"). Refuses, saying why, when the agent runs, the file is damaged or
 * its schema is newer than this code; says what it restored and where the store that was there now is.
 */
import { restoreBackup } from './restore-backup';
import { readCommandLine, runCommand } from './cli-common';

const USAGE = 'usage: npm run restore -- --config FILE BACKUP_FILE';

runCommand(async () => {
  const { config, args } = readCommandLine(USAGE, 1);
  const r = await restoreBackup(config, args[0]!);
  const counts = Object.entries(r.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  process.stdout.write(`Đã khôi phục / restored: ${args[0]} → ${r.target} (lược đồ/schema v${r.version}; ${counts})\n`);
  if (r.keptAside) process.stdout.write(`Dữ liệu trước khi khôi phục được giữ tại / the store as it was is kept at: ${r.keptAside}\n`);
  if (r.droppedTables?.length) process.stdout.write(`Đã bỏ các bảng không có trong bản sao lưu / dropped tables the backup does not have: ${r.droppedTables.join(', ')}\n`);
  if (r.warning) process.stdout.write(`Lưu ý / note: ${r.warning}\n`);
  if (r.version < r.latest) {
    process.stdout.write(`Khi khởi động, ki-ốt sẽ nâng cấp lược đồ v${r.version} → v${r.latest} (có bản chụp trước) / at start the agent migrates v${r.version} → v${r.latest} (after a snapshot)\n`);
  }
  process.stdout.write('Khởi động lại ki-ốt / start the agent again: sudo systemctl start motcua-kiosk\n');
});
