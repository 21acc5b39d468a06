/**
 * Who is called next (pure). A waiting priority ticket goes before normal ones, except that after `limit` priority
 * calls in a row one normal ticket is called, so the normal queue never starves. Within each class, first come
 * first served. `predictCallOrder` replays the rule to give every waiting person an honest position.
 */
export interface QueuedTicket {
  id: string;
  isPriority: boolean;
  issuedAtMs: number;
  seq: number;
}

export interface CallDecision<T extends QueuedTicket> {
  ticket: T;
  /** The service's priority streak after this call. */
  nextStreak: number;
}

function byArrival(a: QueuedTicket, b: QueuedTicket): number {
  return a.issuedAtMs - b.issuedAtMs || a.seq - b.seq;
}

export function chooseNext<T extends QueuedTicket>(
  priorityHead: T | undefined,
  normalHead: T | undefined,
  streak: number,
  limit: number,
): CallDecision<T> | undefined {
  if (priorityHead && (!normalHead || streak < limit)) return { ticket: priorityHead, nextStreak: streak + 1 };
  if (normalHead) return { ticket: normalHead, nextStreak: 0 };
  return undefined;
}

export function nextToCall<T extends QueuedTicket>(waiting: readonly T[], streak: number, limit: number): CallDecision<T> | undefined {
  const sorted = [...waiting].sort(byArrival);
  return chooseNext(
    sorted.find((t) => t.isPriority),
    sorted.find((t) => !t.isPriority),
    streak,
    limit,
  );
}

/** The order in which the waiting tickets will be called if nobody else arrives. */
export function predictCallOrder<T extends QueuedTicket>(waiting: readonly T[], streak: number, limit: number): T[] {
  const sorted = [...waiting].sort(byArrival);
  const priority = sorted.filter((t) => t.isPriority);
  const normal = sorted.filter((t) => !t.isPriority);
  const order: T[] = [];
  let p = 0;
  let n = 0;
  let s = streak;
  while (p < priority.length || n < normal.length) {
    const decision = chooseNext(priority[p], normal[n], s, limit);
    if (!decision) break;
    order.push(decision.ticket);
    if (decision.ticket === priority[p]) p += 1;
    else n += 1;
    s = decision.nextStreak;
  }
  return order;
}

/**
 * The same answer as `predictCallOrder(...).indexOf(ticket)` from counts alone, so a position costs two indexed
 * COUNT queries instead of loading the whole queue: people of the ticket's own class who came earlier, and
 * everyone of the other class who is waiting.
 */
export function aheadFromCounts(input: {
  isPriority: boolean;
  sameClassBefore: number;
  otherClassWaiting: number;
  streak: number;
  limit: number;
}): number {
  const { isPriority, sameClassBefore, otherClassWaiting, limit } = input;
  let s = input.streak;
  let same = 0;
  let other = 0;
  for (;;) {
    const priorityLeft = isPriority ? sameClassBefore - same + 1 : otherClassWaiting - other;
    const normalLeft = isPriority ? otherClassWaiting - other : sameClassBefore - same + 1;
    const callPriority = priorityLeft > 0 && (normalLeft === 0 || s < limit);
    const callsSameClass = callPriority === isPriority;
    if (callsSameClass) {
      if (same === sameClassBefore) return same + other;
      same += 1;
    } else other += 1;
    s = callPriority ? s + 1 : 0;
  }
}
