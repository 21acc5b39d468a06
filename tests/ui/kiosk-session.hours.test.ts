/** The kiosk session outside the hours: the attract screen learns that no service issues, and offers the lockers. */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { flowOf, startSession } from './support/kiosk-session-harness';

describe('the attract screen outside the hours', () => {
  it('knows, while it shows, that no service issues and when one opens; offers the lockers; the watch stops in a session', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    expect(s.servicesSay(true, '2026-12-03T00:30:00.000Z')).toBe(true);
    expect(s.actor.getSnapshot().context.opening).toEqual({ closed: true, opensAt: '2026-12-03T00:30:00.000Z' });
    s.actor.send({ type: 'kiosk.collect' });
    await waitFor(s.actor, () => flowOf(s) === 'collectingResult');
    // In a session nobody watches; the last answer stays for the next attract screen, which asks again.
    expect(s.servicesSay(false, null)).toBe(false);
    expect(s.actor.getSnapshot().context.opening?.closed).toBe(true);
  });
});
