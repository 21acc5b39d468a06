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
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    });
  }
}
