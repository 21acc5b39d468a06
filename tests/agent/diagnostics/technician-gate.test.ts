import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticsAudit } from '../../../kiosk-agent/src/diagnostics/diagnostics-audit';
import { TechnicianGate } from '../../../kiosk-agent/src/diagnostics/technician-gate';
import { hashTechnicianPin, parsePinHash, verifyTechnicianPin } from '../../../kiosk-agent/src/config/technician-pin';
import { isAgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAgentError(e) ? `${e.code}${e.details.facts ? ' ' + JSON.stringify(e.details.facts) : ''}` : String(e)));

describe('technician PIN hash', () => {
  it('verifies the PIN it was made from and nothing else, and refuses a short PIN', async () => {
    const stored = await hashTechnicianPin('2468013');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyTechnicianPin('2468013', stored)).toBe(true);
    expect(await verifyTechnicianPin('2468012', stored)).toBe(false);
    expect(await verifyTechnicianPin('2468013', stored.replace(/\$[^$]+$/, '$AAAA'))).toBe(false);
    await expect(hashTechnicianPin('1234')).rejects.toThrow(/6 to 12 digits/);
    expect(typeof parsePinHash('sha1$abc')).toBe('string');
    expect(typeof parsePinHash(stored)).toBe('object');
  });
});

describe.each(STORE_KINDS)('technician gate (%s)', (kind) => {
  let t: TestStore;
  let pinHash: string;
  beforeAll(async () => {
    pinHash = await hashTechnicianPin('135790');
  });
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(() => t.cleanup());

  const gate = (clock: FakeClock, opts: Partial<ConstructorParameters<typeof TechnicianGate>[0]> = {}) => {
    const audit = new DiagnosticsAudit(t.store);
    return { gate: new TechnicianGate({ pinHash, audit, clock, ...opts }), audit };
  };

  it('wrong PINs count down, the fifth locks entry for 15 minutes even for the right PIN, then it opens', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 2));
    const { gate: g, audit } = gate(clock);
    expect(await codeOf(g.open('000000'))).toBe('TECHNICIAN_PIN_INVALID {"attemptsLeft":4}');
    for (const left of [3, 2, 1]) expect(await codeOf(g.open('000000'))).toBe(`TECHNICIAN_PIN_INVALID {"attemptsLeft":${left}}`);
    expect(await codeOf(g.open('000000'))).toBe('TECHNICIAN_LOCKED {"retryAfterMinutes":15}');
    clock.advance(10 * 60_000);
    expect(await codeOf(g.open('135790'))).toBe('TECHNICIAN_LOCKED {"retryAfterMinutes":5}');
    clock.advance(5 * 60_000);
    expect(await codeOf(g.open('135790'))).toBe('ok');
    // A success resets the count: the next wrong PIN has four more tries after it.
    expect(await codeOf(g.open('111111'))).toBe('TECHNICIAN_PIN_INVALID {"attemptsLeft":4}');
    const actions = (await audit.recent(20)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions.filter((a) => a === 'session.open:denied')).toHaveLength(6);
    expect(actions).toContain('session.lockout:ok');
    expect(actions.filter((a) => a === 'session.refused:denied')).toHaveLength(1);
  });

  it('a lockout survives a restart of the agent (a new gate on the same store)', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 2));
    const { gate: g } = gate(clock);
    for (let i = 0; i < 5; i++) await codeOf(g.open('999999'));
    await t.reopen();
    const restarted = new TechnicianGate({ pinHash, audit: new DiagnosticsAudit(t.store), clock });
    expect(await codeOf(restarted.open('135790'))).toBe('TECHNICIAN_LOCKED {"retryAfterMinutes":15}');
  });

  it('a session lives while used and ends after 5 idle minutes; closing it ends it at once', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 2));
    const { gate: g } = gate(clock);
    const s = await g.open('135790');
    expect(s.idleSeconds).toBe(300);
    clock.advance(4 * 60_000);
    expect(() => g.touch(s.token)).not.toThrow();
    clock.advance(4 * 60_000);
    expect(() => g.touch(s.token)).not.toThrow(); // 4 minutes since the last request
    clock.advance(5 * 60_000 + 1);
    expect(() => g.touch(s.token)).toThrow(/không thao tác/);
    expect(() => g.touch(s.token)).toThrow(/POST \/api\/diagnostics\/session/);
    const s2 = await g.open('135790');
    g.close(s2.token);
    expect(() => g.touch(s2.token)).toThrow();
    expect(() => g.touch(undefined)).toThrow();
  });

  it('without a configured PIN hash entry is impossible and says how to set one', async () => {
    const { gate: g } = gate(new FakeClock(0), { pinHash: undefined });
    expect(await codeOf(g.open('135790'))).toBe('TECHNICIAN_NOT_CONFIGURED');
  });
});
