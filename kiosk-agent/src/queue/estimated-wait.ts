/**
 * Estimated wait (pure): people ahead × average service time, shared across the counters that serve the service.
 * Average service time comes from recent finished tickets; before any history exists the configured default is
 * used, so the first citizen of the day still sees a sane figure. Rounded up: an estimate should not promise less.
 */
export function averageServiceMinutes(recentDurationsMs: readonly number[], defaultMinutes: number): number {
  // Durations under 20 s or over 3 h are mistakes at the counter (a double tap, a ticket left open), not service.
  const usable = recentDurationsMs.filter((d) => d >= 20_000 && d <= 3 * 3_600_000);
  if (usable.length < 3) return defaultMinutes;
  const sorted = [...usable].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return medianMs / 60_000;
}

export function estimateWaitMinutes(ahead: number, avgServiceMinutes: number, counters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * avgServiceMinutes) / Math.max(1, counters));
}
