/**
 * "Once per fault": a spell runs from the moment something went wrong until it is well again. An alert is due once
 * the spell has lasted long enough, and never again in the same spell; a recovery ends it, and the next failure
 * starts a new one. Kept in memory: a restart forgets spells, so a fault that outlives a restart is sent once more
 * after `afterMs` (a restart is rare, and a technician would rather hear twice than never). The stuck outbox's spells
 * are kept in the store instead (stuck-outbox-alert.ts): a centre's agents share them.
 */
export class FaultSpells<K extends string> {
  private readonly spells = new Map<K, { sinceMs: number; alerted: boolean }>();

  /** Whether `key` is faulty now; a spell starts at the first faulty report and ends at the first healthy one. */
  note(key: K, faulty: boolean, nowMs: number): void {
    if (!faulty) this.spells.delete(key);
    else if (!this.spells.has(key)) this.spells.set(key, { sinceMs: nowMs, alerted: false });
  }

  /** The spell's start when it has lasted `afterMs` and has not been alerted; otherwise undefined. */
  due(key: K, nowMs: number, afterMs: number): { sinceMs: number } | undefined {
    const spell = this.spells.get(key);
    return spell && !spell.alerted && nowMs - spell.sinceMs >= afterMs ? { sinceMs: spell.sinceMs } : undefined;
  }

  /** The alert of the current spell went out (was queued, or accepted by every recipient). */
  alerted(key: K): void {
    const spell = this.spells.get(key);
    if (spell) spell.alerted = true;
  }
}
