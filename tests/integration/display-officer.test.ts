/**
 * `display.showOfficer` over real HTTP and the event socket (issue 19). On: GET /api/display names the officer
 * signed in at each counter, and a sign-in, a sign-out or a supervisor disabling the account is told to displays as
 * `counter.officerChanged` (a counter id, no name) so they fetch the picture again. Off (the default): the picture
 * has no `officers` and no officer's name appears anywhere a public client could read it — the display's answer or
 * any event the agent publishes to the public — though the officer signs in at a counter and calls a ticket.
 */
import { describe, expect } from 'vitest';
import { DisplaySnapshotSchema } from '../../shared/counter-schemas';
import { EVENT_AUDIENCE, type AgentEvent } from '../../shared/ws-events';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { OFFICER_PASSWORD, signedIn } from '../support/officers';
import { STAFF_TOKEN } from '../support/test-config';

const LAN = 'Nguyễn Thị Lan';
const MINH = 'Trần Văn Minh';

async function addOfficers(agent: RunningAgent): Promise<void> {
  await agent.staff.add({ username: 'lan', name: LAN, role: 'officer', password: OFFICER_PASSWORD });
  await agent.staff.add({ username: 'minh', name: MINH, role: 'officer', password: OFFICER_PASSWORD });
}

async function displayPicture(agent: RunningAgent) {
  const res = await getJson<unknown>(`${agent.url}/api/display`);
  expect(res.status).toBe(200);
  return { snapshot: DisplaySnapshotSchema.parse(res.body), raw: JSON.stringify(res.body) };
}

/** Everything the agent publishes to the public audience (what any display or phone may hear), from now on. */
function publicEvents(agent: RunningAgent): AgentEvent[] {
  const heard: AgentEvent[] = [];
  agent.events.subscribe((e) => {
    if (EVENT_AUDIENCE[e.type] === 'public') heard.push(e);
  });
  return heard;
}

const shown = agentTest({ config: () => ({ display: { showOfficer: true } }) });
const hidden = agentTest({});

describe('display.showOfficer on', () => {
  shown('the picture names the officer signed in at each counter, and follows sign-in, sign-out and a disabled account', async ({ agent, heard }) => {
    await addOfficers(agent);
    expect((await displayPicture(agent)).snapshot.officers).toEqual([]);

    const lan = await signedIn(agent, 'lan', 'officer', '2');
    await heard.next('counter.officerChanged', (e) => e.data.counterId === '2');
    expect((await displayPicture(agent)).snapshot.officers).toEqual([{ counterId: '2', name: LAN }]);

    // Lan calls a ticket; Minh signs in at counter 1 with no call yet: the person at each counter is named.
    const issued = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect((await postJson(`${agent.url}/api/counters/2/call`, { number: issued.body.number }, lan)).status).toBe(200);
    const minh = await signedIn(agent, 'minh', 'officer', '1');
    await heard.next('counter.officerChanged', (e) => e.data.counterId === '1');
    const { snapshot } = await displayPicture(agent);
    expect(snapshot.officers).toEqual([{ counterId: '1', name: MINH }, { counterId: '2', name: LAN }]);
    expect(snapshot.calls.map((c) => [c.counterId, c.number])).toEqual([['2', issued.body.number]]);

    // Lan signs out: counter 2 still shows her call, but no longer her name.
    heard.events.length = 0;
    expect((await postJson(`${agent.url}/api/staff/session/end`, {}, lan)).status).toBe(200);
    await heard.next('counter.officerChanged', (e) => e.data.counterId === '2');
    expect((await displayPicture(agent)).snapshot.officers).toEqual([{ counterId: '1', name: MINH }]);

    // A supervisor disables Minh's account: his session ends, and counter 1 loses his name.
    const hoa = await signedIn(agent, 'hoa', 'supervisor');
    const minhId = (await agent.staff.accounts.byUsername('minh'))!.id;
    expect((await postJson(`${agent.url}/api/staff/accounts/${minhId}/disabled`, { disabled: true }, hoa)).status).toBe(200);
    await heard.next('counter.officerChanged', (e) => e.data.counterId === '1');
    expect((await displayPicture(agent)).snapshot.officers).toEqual([]);
    expect((await getJson(`${agent.url}/api/counters/1`, minh)).status).toBe(401);

    // The events that told the displays named no one: names only come from the picture.
    expect(JSON.stringify(heard.events)).not.toMatch(/Nguyễn Thị Lan|Trần Văn Minh/);
  });
});

describe('display.showOfficer off (the default)', () => {
  hidden('no officer name in the picture nor in any public event, though an officer signs in at a counter and calls', async ({ agent, heard }) => {
    const published = publicEvents(agent);
    await addOfficers(agent);
    const lan = await signedIn(agent, 'lan', 'officer', '2');
    const issued = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect((await postJson(`${agent.url}/api/counters/2/call`, { number: issued.body.number }, lan)).status).toBe(200);
    await heard.next('ticket.called', (e) => e.data.ticket.number === issued.body.number);
    // An integration token's call at another counter, and the officer signing out.
    const second = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect((await postJson(`${agent.url}/api/counters/1/call`, { number: second.body.number }, { authorization: `Bearer ${STAFF_TOKEN}` })).status).toBe(200);
    await postJson(`${agent.url}/api/staff/session/end`, {}, lan);
    await heard.next('ticket.called', (e) => e.data.ticket.number === second.body.number);

    const { snapshot, raw } = await displayPicture(agent);
    expect(snapshot.calls.map((c) => c.counterId)).toEqual(['1', '2']); // the calls are there…
    expect('officers' in snapshot).toBe(false); // …the names are not
    expect(raw).not.toContain(LAN);
    expect(published.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called', 'ticket.issued', 'ticket.called']);
    expect(JSON.stringify(published)).not.toContain(LAN);
    // The kiosk's own socket hears every public event (and its own): no name there either, no officer event.
    expect(heard.events.some((e) => e.type === 'counter.officerChanged')).toBe(false);
    expect(JSON.stringify(heard.events)).not.toContain(LAN);
  });
});
