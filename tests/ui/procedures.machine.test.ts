/**
 * Looking up a procedure, as the kiosk's screens see it: typing on the on-screen keyboard (one search per pause,
 * not per key), fields, pages, a procedure opened, its papers printed (and a printer that fails), and how the
 * session reaches the flow (the home button, a procedure's QR scanned on any screen) and leaves it ("Lấy số cho
 * thủ tục này" starts the ticket flow for its service at the priority question; home; the idle timeout).
 * The agent is a double.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { ProcedureDetail, ProcedureList } from '../../shared/procedure-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { choosingField, FIELDS_PER_PAGE, proceduresMachine, RESULTS_PER_PAGE, type ProceduresMachine, type SearchRequest } from '../../kiosk-ui/src/flows/procedures/procedures.machine';
import { flowOf, INFO, procedureDetail, startSession, ticketAt } from './support/kiosk-session-harness';

const listOf = (n: number, q = ''): ProcedureList => ({
  total: n,
  procedures: Array.from({ length: Math.min(n, 30) }, (_, i) => ({ code: `1.00${String(1000 + i)}.H38`, name: `${q} ${i}`, field: 'Hộ tịch' })),
  // Eight fields when nothing is typed: two pages of them.
  fields: q ? [] : [{ name: 'Hộ tịch', count: n }, ...Array.from({ length: 7 }, (_, i) => ({ name: `Lĩnh vực ${i}`, count: 1 }))],
});

function flow(opts: { code?: string | null; load?: (code: string) => Promise<ProcedureDetail>; print?: () => Promise<unknown> } = {}) {
  const clock = new SimulatedClock();
  const searches: SearchRequest[] = [];
  const printed: string[] = [];
  const machine = proceduresMachine.provide({
    actors: {
      searchProcedures: fromPromise(async ({ input }) => {
        searches.push(input);
        return listOf(input.q ? 12 : 40, input.q);
      }),
      loadProcedure: fromPromise(({ input }) => (opts.load ?? (async (code: string) => procedureDetail(code)))(input.code)),
      printPapers: fromPromise(async ({ input }) => {
        printed.push(input.code);
        return (opts.print ?? (async () => ({ printed: true })))();
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { code: opts.code ?? null, timing: { searchDelayMs: 300 } } }).start();
  const at = (state: Parameters<SnapshotFrom<ProceduresMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  const type = (text: string) => [...text].forEach((ch) => actor.send({ type: 'procedures.key', key: ch }));
  return { actor, clock, at, type, searches, printed };
}

describe('procedure lookup flow', () => {
  it('lists the fields at first (paged); typing searches once the keys pause; paging the results; clear; a field', async () => {
    const f = flow();
    const first = await f.at({ browsing: 'ready' });
    expect(first.context.list?.fields[0]).toEqual({ name: 'Hộ tịch', count: 40 });
    expect(f.searches).toEqual([{ q: '', field: null }]);
    // Nothing typed, no field chosen: the pages are the fields' (eight: two pages), not the procedures'.
    expect(choosingField(first.context)).toBe(true);
    f.actor.send({ type: 'procedures.page', page: 1 });
    expect(f.actor.getSnapshot().context.page).toBe(1);
    f.actor.send({ type: 'procedures.page', page: Math.ceil(8 / FIELDS_PER_PAGE) });
    expect(f.actor.getSnapshot().context.page).toBe(1);

    f.type(' dang  ky');
    f.clock.increment(200);
    f.type(' khai sinh');
    expect(f.actor.getSnapshot().context.query).toBe('dang ky khai sinh'); // no leading or double spaces
    expect(f.searches).toHaveLength(1); // still typing
    f.clock.increment(300);
    await f.at({ browsing: 'ready' });
    expect(f.searches).toEqual([{ q: '', field: null }, { q: 'dang ky khai sinh', field: null }]);

    f.actor.send({ type: 'procedures.page', page: 2 }); // 12 results: pages 0, 1, 2
    expect(f.actor.getSnapshot().context.page).toBe(2);
    f.actor.send({ type: 'procedures.page', page: Math.ceil(12 / RESULTS_PER_PAGE) }); // past the end: ignored
    expect(f.actor.getSnapshot().context.page).toBe(2);

    f.actor.send({ type: 'procedures.delete' });
    f.clock.increment(300);
    await waitFor(f.actor, () => f.searches.length === 3);
    expect(f.searches[2]!.q).toBe('dang ky khai sin');
    await f.at({ browsing: 'ready' });
    expect(f.actor.getSnapshot().context.page).toBe(0); // a new list starts at its first page

    f.actor.send({ type: 'procedures.clear' });
    await f.at({ browsing: 'ready' });
    expect(f.searches.at(-1)).toEqual({ q: '', field: null });
    f.actor.send({ type: 'procedures.field', field: 'Hộ tịch' });
    const inField = await f.at({ browsing: 'ready' });
    expect(f.searches.at(-1)).toEqual({ q: '', field: 'Hộ tịch' });
    // A field chosen: its procedures are the list (the 30 the agent sends: six pages).
    expect(choosingField(inField.context)).toBe(false);
    f.actor.send({ type: 'procedures.page', page: 5 });
    expect(f.actor.getSnapshot().context.page).toBe(5);
  });

  it('opens a procedure, prints its papers (again after a failure), goes back to the same list page, and home', async () => {
    let fail = true;
    const f = flow({
      print: async () => {
        if (fail) throw new AgentRequestError('PRINTER_PAPER_OUT', 'hết giấy', 503);
        return { printed: true };
      },
    });
    await f.at({ browsing: 'ready' });
    f.actor.send({ type: 'procedures.field', field: 'Hộ tịch' });
    await f.at({ browsing: 'ready' });
    f.actor.send({ type: 'procedures.page', page: 1 });
    f.actor.send({ type: 'procedures.open', code: '1.001193.H38' });
    const open = await f.at({ showing: 'idle' });
    expect(open.context.procedure?.documents).toEqual(['Tờ khai', 'Giấy chứng sinh']);
    f.actor.send({ type: 'procedures.print' });
    const failed = await f.at({ showing: 'printFailed' });
    expect(failed.context.printErrorCode).toBe('PRINTER_PAPER_OUT');
    fail = false;
    f.actor.send({ type: 'procedures.print' });
    await f.at({ showing: 'printed' });
    expect(f.printed).toEqual(['1.001193.H38', '1.001193.H38']);

    f.actor.send({ type: 'procedures.back' });
    const back = await f.at({ browsing: 'ready' });
    expect([back.context.page, f.searches.length]).toEqual([1, 2]); // the same list, not searched again
    f.actor.send({ type: 'procedures.done' });
    await waitFor(f.actor, (s) => s.status === 'done');
    expect(f.actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('"Lấy số cho thủ tục này" ends with its service; without a service it does nothing', async () => {
    const f = flow({ code: '1.001193.H38' });
    await f.at({ showing: 'idle' });
    f.actor.send({ type: 'procedures.takeTicket' });
    await waitFor(f.actor, (s) => s.status === 'done');
    expect(f.actor.getSnapshot().output).toEqual({ next: 'ticket', serviceId: 'tu-phap' });

    const g = flow({ code: '2.000815.000.00.00.H38', load: async (code) => ({ ...procedureDetail(code), service: null }) });
    await g.at({ showing: 'idle' });
    g.actor.send({ type: 'procedures.takeTicket' });
    expect(g.actor.getSnapshot().matches('showing')).toBe(true);
  });

  it('a scanned code the catalogue lacks says so; back lists the catalogue; a scan while browsing opens it', async () => {
    const f = flow({ code: '1.999999.H38', load: async (code) => (code === '1.999999.H38' ? Promise.reject(new AgentRequestError('PROCEDURE_NOT_FOUND', 'không có', 404)) : procedureDetail(code)) });
    const missing = await f.at('missing');
    expect(missing.context.errorCode).toBe('PROCEDURE_NOT_FOUND');
    f.actor.send({ type: 'procedures.back' });
    await f.at({ browsing: 'ready' });
    f.actor.send({ type: 'procedures.scanned', code: '1.001193.H38' });
    expect((await f.at('showing')).context.procedure?.code).toBe('1.001193.H38');
  });
});

describe('the kiosk session and the procedure lookup', () => {
  const proceduresOf = (s: ReturnType<typeof startSession>) => s.actor.getSnapshot().children.procedures as AnyActorRef | undefined;

  it('home → "Tra cứu thủ tục" → a procedure → "Lấy số cho thủ tục này": the ticket flow for its service, at the priority question', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.procedures' });
    expect(flowOf(s)).toBe('browsingProcedures');
    proceduresOf(s)!.send({ type: 'procedures.open', code: '1.001193.H38' });
    await waitFor(proceduresOf(s)!, (snap) => (snap as SnapshotFrom<ProceduresMachine>).matches('showing'));
    proceduresOf(s)!.send({ type: 'procedures.takeTicket' });
    const asking = await ticketAt(s, 'askingPriority');
    expect(asking.context.serviceId).toBe('tu-phap');
    s.actor.send({ type: 'priority.chosen', priority: null });
    await ticketAt(s, 'showingTicket');
    expect(s.issue).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: null });
  });

  it('a procedure QR (a URL holding the code) scanned on the attract screen or in the ticket flow opens it; a slip still goes to pickup', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan('https://dichvucong.example.gov.vn/cong-khai?ma=1.001193.h38');
    await waitFor(s.actor, () => flowOf(s) === 'browsingProcedures');
    await waitFor(proceduresOf(s)!, (snap) => (snap as SnapshotFrom<ProceduresMachine>).matches('showing'));
    expect(s.loadProcedure).toHaveBeenCalledWith('1.001193.H38');

    // Another procedure scanned while one is open: it opens in place.
    s.scan('2.000815.000.00.00.H38');
    await waitFor(proceduresOf(s)!, (snap) => (snap as SnapshotFrom<ProceduresMachine>).context.procedure?.code === '2.000815.000.00.00.H38');

    s.actor.send({ type: 'nav.home' });
    s.actor.send({ type: 'home.takeTicket' });
    await ticketAt(s, { choosingService: 'ready' });
    s.scan('1.000894.H38');
    await waitFor(s.actor, () => flowOf(s) === 'browsingProcedures');
    expect(s.loadProcedure).toHaveBeenLastCalledWith('1.000894.H38');

    s.scan('000.00.15.H29-250704-0012');
    await waitFor(s.actor, () => flowOf(s) === 'collectingResult');
  });

  it('without a catalogue the home offers no lookup; one imported since the boot is offered to the next visitor', async () => {
    let catalogue = false;
    const s = startSession({ loadKiosk: async () => ({ ...INFO, procedures: catalogue }), input: { idleTimeoutMs: 1000, idleWarningMs: 0 } });
    await waitFor(s.actor, (snap) => snap.matches('attract') && snap.context.info !== null);
    expect(s.actor.getSnapshot().context.info?.procedures).toBe(false);
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.procedures' });
    expect(flowOf(s)).toBe('home');

    // Staff import the catalogue; the kiosk asks again when the attract screen shows for the next visitor.
    catalogue = true;
    s.actor.send({ type: 'nav.home' });
    s.clock.increment(1000); // the idle timeout ends the session
    await waitFor(s.actor, (snap) => snap.matches('attract') && snap.context.info?.procedures === true);
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.procedures' });
    expect(flowOf(s)).toBe('browsingProcedures');
  });

  it('an agent that does not answer on the attract screen leaves the info from the boot', async () => {
    let up = true;
    const s = startSession({
      loadKiosk: async () => {
        if (!up) throw new AgentRequestError('NETWORK_ERROR', 'refused', 0);
        return INFO;
      },
      input: { idleTimeoutMs: 1000, idleWarningMs: 0 },
    });
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    up = false;
    s.actor.send({ type: 'kiosk.touched' });
    s.clock.increment(1000);
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    await new Promise((r) => setTimeout(r, 0));
    expect(s.actor.getSnapshot().context.info).toEqual(INFO);
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.procedures' });
    expect(flowOf(s)).toBe('browsingProcedures');
  });

  it('the idle timeout ends the lookup on the attract screen', async () => {
    const s = startSession({ input: { idleTimeoutMs: 1000, idleWarningMs: 0 } });
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.procedures' });
    expect(flowOf(s)).toBe('browsingProcedures');
    s.clock.increment(1000);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
    expect(proceduresOf(s)).toBeUndefined();
  });
});
