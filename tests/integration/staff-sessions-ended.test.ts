/**
 * A supervisor disables an officer's account (or resets its password): the agent says so on the event socket,
 * to staff only, so the officer's console signs out at once. The console's socket is admitted as the browser does
 * it: connected, then an `auth` message with the officer's session token.
 */
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { AgentEventSchema, SocketAuthResultSchema, type AgentEvent } from '../../shared/ws-events';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { signedIn } from '../support/officers';
import { waitUntil } from '../support/socat';

const test = agentTest({});

/** A console's socket: connects, signs in with the session token, and keeps what it hears. */
async function consoleSocket(agentUrl: string, authorization: string) {
  const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/api/events`);
  const events: AgentEvent[] = [];
  let audiences: string[] | undefined;
  ws.on('message', (d: Buffer) => {
    const json: unknown = JSON.parse(d.toString());
    const result = SocketAuthResultSchema.safeParse(json);
    if (result.success) audiences = result.data.audiences;
    const event = AgentEventSchema.safeParse(json);
    if (event.success) events.push(event.data);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'auth', staffToken: authorization.replace(/^Bearer /, '') }));
  await waitUntil(() => audiences !== undefined, 2000, 'auth.result');
  return { ws, events, audiences: audiences! };
}

describe('a supervisor ends an officer\'s sessions', () => {
  test('disabling and a new password are published to staff sockets as staff.sessionsEnded, never to the public', async ({ agent, heard }) => {
    const lan = await signedIn(agent, 'lan', 'officer', '2');
    const hoa = await signedIn(agent, 'hoa', 'supervisor');
    const lanConsole = await consoleSocket(agent.url, lan.authorization);
    expect(lanConsole.audiences).toContain('staff');
    const accounts = await getJson<{ id: number; username: string }[]>(`${agent.url}/api/staff/accounts`, hoa);
    const lanId = accounts.body.find((a) => a.username === 'lan')!.id;

    expect((await postJson(`${agent.url}/api/staff/accounts/${lanId}/disabled`, { disabled: true }, hoa)).body).toEqual({ sessionsEnded: 1 });
    await waitUntil(() => lanConsole.events.some((e) => e.type === 'staff.sessionsEnded'), 2000, 'staff.sessionsEnded');
    expect(lanConsole.events.filter((e) => e.type === 'staff.sessionsEnded').map((e) => e.data)).toEqual([{ accountId: lanId }]);
    // What the console does next: its session is refused.
    expect((await getJson(`${agent.url}/api/counters/2`, lan)).status).toBe(401);

    // Enabling ends nothing and says nothing; a new password ends the sessions again, and is told too.
    await postJson(`${agent.url}/api/staff/accounts/${lanId}/disabled`, { disabled: false }, hoa);
    const supervisorConsole = await consoleSocket(agent.url, hoa.authorization);
    expect((await postJson(`${agent.url}/api/staff/accounts/${lanId}/password`, { password: 'mat-khau-moi-cua-lan' }, hoa)).status).toBe(200);
    await waitUntil(() => supervisorConsole.events.some((e) => e.type === 'staff.sessionsEnded'), 2000, 'staff.sessionsEnded after a reset');
    expect(supervisorConsole.events.filter((e) => e.type === 'staff.sessionsEnded').map((e) => e.data)).toEqual([{ accountId: lanId }]);

    // The kiosk's own socket without a staff credential never hears it (it names an account).
    expect(heard.events.some((e) => e.type === 'staff.sessionsEnded')).toBe(false);
    lanConsole.ws.close();
    supervisorConsole.ws.close();
  });
});
