/**
 * Telling a keyboard-wedge scanner from a person (pure). A wedge scanner "types" the whole code in a burst, a few
 * milliseconds per character, and ends it with Enter; a person types tens to hundreds of milliseconds apart. So
 * characters are collected while they arrive within `maxGapMs` of each other, and Enter after at least `minLength`
 * of them yields a scan; a slow key starts a new burst, so whatever a person typed is never taken for a code.
 */
export interface WedgeOptions {
  /** Longest pause between two characters of one scan (scanners: 1–20 ms; people: ≥ 60 ms). */
  maxGapMs: number;
  /** Shorter bursts are ignored (a dossier code is ~25 characters; nothing useful is shorter than this). */
  minLength: number;
  maxLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 40, minLength: 6, maxLength: 2048 };

export class KeyboardWedge {
  private buffer = '';
  private lastAt = -Infinity;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /** Feeds one key (`KeyboardEvent.key`) at `atMs`; returns the scanned code when this key ends a scan. */
  key(key: string, atMs: number): string | null {
    const gap = atMs - this.lastAt;
    this.lastAt = atMs;
    if (key === 'Enter') {
      const code = gap <= this.options.maxGapMs && this.buffer.length >= this.options.minLength ? this.buffer : null;
      this.buffer = '';
      return code;
    }
    if (key.length !== 1) return null; // Shift, Tab, arrows…: scanners send Shift for capitals; it is not text
    if (gap > this.options.maxGapMs) this.buffer = '';
    if (this.buffer.length < this.options.maxLength) this.buffer += key;
    return null;
  }

  reset(): void {
    this.buffer = '';
    this.lastAt = -Infinity;
  }
}
