/** Dates and times on slips, as Vietnamese readers write them: 04/07/2025 09:15 (pure). */
import { zonedFormatter } from '../core/local-time';

export function formatSlipTime(epochMs: number, timeZone: string): string {
  return zonedFormatter('vi-VN', timeZone, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(epochMs));
}

/** The time of day alone: 09:30. */
export function formatSlipClock(epochMs: number, timeZone: string): string {
  return zonedFormatter('vi-VN', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(epochMs));
}
