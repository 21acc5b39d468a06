/**
 * The agent's last log lines, kept in memory for the diagnostics log tail and the support bundle: a technician at
 * the kiosk has no shell. Fixed size; pino writes each JSON line here as well as to stdout.
 */
export class LogRing {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 500) {}

  /** pino's destination interface: one JSON line per call. */
  write(chunk: string): void {
    this.lines.push(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** The last `n` lines, oldest first, parsed where they are JSON. */
  tail(n: number): unknown[] {
    return this.lines.slice(-n).map((line) => {
      try {
        return withoutStack(JSON.parse(line) as unknown);
      } catch {
        return line;
      }
    });
  }
}

/**
 * What the technician's screen and the support bundle show of an error: its type, message and the first frame as
 * file:line — not the whole stack (the journal keeps that for developers). Paths are made relative to the repo.
 */
function withoutStack(entry: unknown): unknown {
  if (!entry || typeof entry !== 'object') return entry;
  const err = (entry as { err?: { stack?: unknown } }).err;
  if (!err || typeof err !== 'object' || typeof err.stack !== 'string') return entry;
  const frame = /\n\s+at (?:.*?\()?([^()\s]+?:\d+):\d+\)?/.exec(err.stack)?.[1];
  const { stack: _stack, ...rest } = err;
  return { ...entry, err: { ...rest, ...(frame ? { at: frame.replace(/^.*?(kiosk-agent|shared|node_modules)\//, '$1/') } : {}) } };
}
