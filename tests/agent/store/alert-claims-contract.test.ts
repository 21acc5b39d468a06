/**
 * Alert claims (kiosk-agent/src/monitoring/alert-claims.ts, table `alert_claims`) on both stores: of a centre's
 * agents, one holds a spell's alert and the others are told who; the holder renews it; a claim left unrenewed for the
 * lease is taken over; a sent alert is claimed by nobody again, even by the one that held it; a new spell is claimed
 * anew; and agents claiming at the same instant (on PostgreSQL two pools on one database) get one holder between them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreAlertClaims } from '../../../kiosk-agent/src/monitoring/alert-claims';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { secondAgentStore } from './second-agent-store';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const LEASE = 60_000;
const SPELL = T0 - 31 * 60_000;

describe.each(STORE_KINDS)('alert claims contract (%s)', (kind) => {
  let t: TestStore;
  const closers: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await t.cleanup();
  });

  /** Agent `kioskId` on its own connection to the store, as a second agent of the centre opens it. */
  const agent = (kioskId: string, own = false): StoreAlertClaims => {
    if (!own) return new StoreAlertClaims(t.store, kioskId, LEASE);
    const second = secondAgentStore(t);
    closers.push(second.close);
    return new StoreAlertClaims(second.store, kioskId, LEASE);
  };

  it('the first claim holds it; another agent is told who holds it; the holder renews it', async () => {
    const a = agent('sanh-1');
    const b = agent('sanh-2', true);
    expect(await a.claim('outbox.stuck', SPELL, T0)).toEqual({ held: true });
    expect(await b.claim('outbox.stuck', SPELL, T0 + 1000)).toEqual({ held: false, sent: false, by: 'sanh-1' });
    expect(await a.claim('outbox.stuck', SPELL, T0 + 50_000)).toEqual({ held: true });
    // Renewed at T0 + 50 s: not yet free a lease after the first claim.
    expect(await b.claim('outbox.stuck', SPELL, T0 + LEASE + 1000)).toEqual({ held: false, sent: false, by: 'sanh-1' });
  });

  it('a claim not renewed for the lease is taken over, and the first holder then is told', async () => {
    const a = agent('sanh-1');
    const b = agent('sanh-2', true);
    expect(await a.claim('outbox.stuck', SPELL, T0)).toEqual({ held: true });
    expect(await b.claim('outbox.stuck', SPELL, T0 + LEASE)).toEqual({ held: true });
    expect(await a.claim('outbox.stuck', SPELL, T0 + LEASE + 1000)).toEqual({ held: false, sent: false, by: 'sanh-2' });
  });

  it('once sent, nobody claims the spell again (the holder neither); a new spell is claimed anew', async () => {
    const a = agent('sanh-1');
    const b = agent('sanh-2', true);
    expect(await a.claim('outbox.stuck', SPELL, T0)).toEqual({ held: true });
    await a.sent('outbox.stuck', SPELL, T0 + 2000);
    expect(await a.claim('outbox.stuck', SPELL, T0 + 3000)).toEqual({ held: false, sent: true, by: 'sanh-1' });
    expect(await b.claim('outbox.stuck', SPELL, T0 + 10 * LEASE)).toEqual({ held: false, sent: true, by: 'sanh-1' });
    // The outbox moved and stuck again: a later message is the oldest, a new spell.
    expect(await b.claim('outbox.stuck', SPELL + 5 * 60_000, T0 + 40 * 60_000)).toEqual({ held: true });
    // Another alert on the same key is another claim.
    expect(await a.claim('other.alert', SPELL, T0)).toEqual({ held: true });
  });

  it('sent by an agent whose claim was taken over: recorded as its, and the taker is told', async () => {
    const a = agent('sanh-1');
    const b = agent('sanh-2', true);
    await a.claim('outbox.stuck', SPELL, T0);
    expect(await b.claim('outbox.stuck', SPELL, T0 + LEASE)).toEqual({ held: true });
    await a.sent('outbox.stuck', SPELL, T0 + LEASE + 10);
    expect(await b.claim('outbox.stuck', SPELL, T0 + LEASE + 20)).toEqual({ held: false, sent: true, by: 'sanh-1' });
  });

  it('agents claiming at the same instant: exactly one holds it', async () => {
    const agents = ['sanh-1', 'sanh-2', 'sanh-3', 'sanh-4'].map((id, i) => agent(id, i > 0));
    for (let round = 0; round < 5; round += 1) {
      const spell = SPELL + round;
      const outcomes = await Promise.all(agents.map((a) => a.claim('outbox.stuck', spell, T0)));
      expect(outcomes.filter((o) => o.held)).toHaveLength(1);
    }
  });
});
