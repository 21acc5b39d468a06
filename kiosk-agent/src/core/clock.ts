/** Time as the agent reads it: injected everywhere, so tests run the queue, lockouts and retention on a fake clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
