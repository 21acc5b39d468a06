/**
 * What the lobby TV shows from the recent calls (pure): the latest call of each counter big ("now calling"), up to
 * `bigSlots` of them, newest first, and the calls before those in a smaller list.
 */
import type { RecentCall } from '../../../../shared/counter-schemas';

export interface DisplayBoard {
  current: RecentCall[];
  earlier: RecentCall[];
}

export function displayBoard(calls: readonly RecentCall[], bigSlots = 4, earlierSlots = 8): DisplayBoard {
  const newestFirst = [...calls].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const current: RecentCall[] = [];
  const seenCounters = new Set<string>();
  const seenTickets = new Set<string>();
  const earlier: RecentCall[] = [];
  for (const call of newestFirst) {
    // A recall repeats a ticket: it shows once, at its latest call.
    if (seenTickets.has(call.ticketId)) continue;
    seenTickets.add(call.ticketId);
    if (!seenCounters.has(call.counterId) && current.length < bigSlots) {
      seenCounters.add(call.counterId);
      current.push(call);
    } else if (earlier.length < earlierSlots) earlier.push(call);
  }
  return { current, earlier };
}

/** Adds a call just announced by the agent to the list from the last snapshot (newest first, no duplicates). */
export function withCall(calls: readonly RecentCall[], call: RecentCall, keep = 20): RecentCall[] {
  const rest = calls.filter((c) => !(c.ticketId === call.ticketId && c.at === call.at));
  return [call, ...rest].slice(0, keep);
}
