/**
 * The refusals of backup and restore, each one line a technician can act on (Vietnamese first, then English, as the
 * other CLIs write). `exitCode` 2: the command or the site config is wrong; 1: the backup or restore failed or was
 * refused for what it found (an agent running, a damaged file, a schema newer than this code).
 */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The file is not a complete, readable backup of a kiosk store. */
export class BackupDamagedError extends BackupError {
  override name = 'BackupDamagedError';
  constructor(file: string, detail: string) {
    super(`Tệp sao lưu bị hỏng hoặc không đầy đủ, không dùng được / the backup file is damaged or incomplete: ${file} (${detail})`);
  }
}

/** Why an error happened, in one line without a stack. */
export function reason(err: unknown): string {
  return ((err as Error)?.message ?? String(err)).split('\n')[0]!;
}
