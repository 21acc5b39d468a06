/**
 * The kiosk session machine with every actor replaced by a test double: the agent's answers, the scanners, the
 * camera and both flows' IO. Tests drive it as the screens do (events to the session, pickup events to its child)
 * and read what the screens read: the session's state, and the running flow's own snapshot.
 */
import { vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../../shared/api-schemas';
import type { DossierLookup } from '../../../shared/dossier-schemas';
import { kioskSessionMachine, type KioskSessionEvent, type KioskSessionInput, type SpeakerCommand } from '../../../kiosk-ui/src/app/kiosk-session/kiosk-session.machine';
import { collectResultMachine, type CollectResultEvent } from '../../../kiosk-ui/src/flows/collect-result/collect-result.machine';
import { checkInMachine } from '../../../kiosk-ui/src/flows/check-in/check-in.machine';
import type { CheckInResponse } from '../../../shared/appointment-schemas';
import { takeTicketMachine, type TakeTicketMachine } from '../../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';
import { proceduresMachine } from '../../../kiosk-ui/src/flows/procedures/procedures.machine';
import type { ProcedureDetail, ProcedureList } from '../../../shared/procedure-schemas';

export const SLIP = '000.00.15.H29-250704-0012';
export const INFO: KioskInfo = {
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  demo: false,
  priorityCategories: ['elderly', 'disabled', 'pregnant', 'merit'],
  pickup: { lockers: true, resultServiceId: 'tra-ket-qua' },
  ratingScale: 3,
  checkIn: true,
  procedures: true,
};
export const SERVICES: ServiceSummary[] = [
  { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, waiting: 3, estimatedWaitMinutes: 9 },
  { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, waiting: 0, estimatedWaitMinutes: 0 },
];
export type IssueInput = { serviceId: string; priority: PriorityCategory | null };
export const issuedTicket = (input: IssueInput, over: Partial<IssuedTicket> = {}): IssuedTicket => ({
  id: 'tAbc',
  number: 'A012',
  serviceId: input.serviceId,
  priority: input.priority,
  issuedAt: '2026-11-22T07:00:00.000Z',
  ahead: 3,
  estimatedWaitMinutes: 9,
  trackUrl: 'http://127.0.0.1:8080/track/tAbc',
  printed: true,
  ...over,
});
export const dossier = (inLocker: boolean): DossierLookup => ({
  code: SLIP,
  procedure: 'Chứng thực bản sao',
  status: inLocker ? 'in-locker' : 'needs-supplement',
  dueDate: '2025-07-10',
  overdue: false,
  applicant: 'Trần T** B*',
  inLocker,
});

export interface SessionOptions {
  loadKiosk?: () => Promise<KioskInfo>;
  inLocker?: boolean;
  /** The session's timing; left out, the defaults a real kiosk runs with. */
  input?: KioskSessionInput;
  /** The agent's answer to a check-in (default: a ticket A013 booked for 09:30). */
  checkIn?: (code: string) => Promise<CheckInResponse>;
}

/** The procedure the agent double answers with (any code): Hộ tịch, handled by the service tu-phap. */
export const procedureDetail = (code: string): ProcedureDetail => ({
  code,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  agency: 'Ủy ban nhân dân cấp xã',
  timeLimit: 'Trong ngày',
  fee: 'Miễn',
  documents: ['Tờ khai', 'Giấy chứng sinh'],
  url: `https://dvc.example.gov.vn/tthc?ma=${code}`,
  service: { id: 'tu-phap', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, counters: [{ id: '1', name: { vi: 'Quầy số 1', en: 'Counter 1' } }] },
});
const NO_PROCEDURES: ProcedureList = { total: 0, procedures: [], fields: [] };

export const checkedIn = (code: string): CheckInResponse => ({
  ticket: issuedTicket({ serviceId: 'tu-phap', priority: null }, { number: 'A013', bookedAt: '2026-12-02T02:30:00.000Z' }),
  appointment: { id: `a${code}`, start: '2026-12-02T02:30:00.000Z', serviceId: 'tu-phap' },
  again: false,
});

export function startSession(opts: SessionOptions = {}) {
  const clock = new SimulatedClock();
  const loadServices = vitest.fn(async () => SERVICES);
  const issue = vitest.fn(async (input: IssueInput) => issuedTicket(input));
  const lookup = vitest.fn(async (_code: string) => dossier(opts.inLocker ?? true));
  const checkIn = vitest.fn(opts.checkIn ?? (async (code: string) => checkedIn(code)));
  const loadProcedure = vitest.fn(async (code: string) => procedureDetail(code));
  const camera = { running: 0, starts: 0, sendBack: null as ((e: KioskSessionEvent) => void) | null };
  const spoken: SpeakerCommand[] = [];
  let scanner: ((e: KioskSessionEvent) => void) | null = null;
  let opening: ((e: KioskSessionEvent) => void) | null = null;
  let pickupEvents: ((e: CollectResultEvent) => void) | null = null;
  const machine = kioskSessionMachine.provide({
    actors: {
      loadKiosk: fromPromise(opts.loadKiosk ?? (async () => INFO)),
      takeTicket: takeTicketMachine.provide({
        actors: {
          loadServices: fromPromise(() => loadServices()),
          issueTicket: fromPromise(({ input }) => issue(input)),
        },
      }),
      collectResult: collectResultMachine.provide({
        actors: {
          lookupDossier: fromPromise(({ input }) => lookup(input.code)),
          openCompartment: fromPromise(async () => ({ compartment: { board: 0, lock: 3 } })),
          sendRating: fromPromise(async (): Promise<unknown> => ({})),
          watchPickup: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack }) => {
            pickupEvents = sendBack;
            return () => undefined;
          }),
        },
      }),
      checkIn: checkInMachine.provide({ actors: { checkIn: fromPromise(({ input }) => checkIn(input.code)) } }),
      procedures: proceduresMachine.provide({
        actors: {
          searchProcedures: fromPromise(async () => NO_PROCEDURES),
          loadProcedure: fromPromise(({ input }) => loadProcedure(input.code)),
          printPapers: fromPromise(async (): Promise<unknown> => ({ printed: true })),
        },
      }),
      scanSource: fromCallback<KioskSessionEvent>(({ sendBack }) => {
        scanner = sendBack;
        return () => undefined;
      }),
      watchOpening: fromCallback<KioskSessionEvent>(({ sendBack }) => {
        opening = sendBack;
        return () => {
          opening = null;
        };
      }),
      guidanceSpeaker: fromCallback<SpeakerCommand>(({ receive }) => {
        receive((command) => spoken.push(command));
        return () => undefined;
      }),
      cameraScanner: fromCallback<KioskSessionEvent>(({ sendBack }) => {
        camera.running += 1;
        camera.starts += 1;
        camera.sendBack = sendBack;
        return () => {
          camera.running -= 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: opts.input }).start();
  const ticketFlow = () => actor.getSnapshot().children.takeTicket as AnyActorRef | undefined;
  const pickupFlow = () => actor.getSnapshot().children.collectResult as AnyActorRef | undefined;
  return {
    actor,
    clock,
    loadServices,
    issue,
    lookup,
    checkIn,
    loadProcedure,
    camera,
    /** Everything the speaker was told, in order. */
    spoken,
    /** A slip read by the serial or keyboard-wedge scanner. */
    scan: (code: string) => scanner!({ type: 'scan.received', code }),
    /** What the services say while the attract screen shows (false when nobody is watching: not on that screen). */
    servicesSay: (closed: boolean, opensAt: string | null) => (opening ? (opening({ type: 'opening.changed', closed, opensAt }), true) : false),
    /** What the agent's events tell the pickup flow (the door shut, the result taken). */
    agentSays: (e: CollectResultEvent) => pickupEvents!(e),
    ticketFlow,
    pickupFlow,
    /** The ticket flow's snapshot, which its screens draw (undefined when it is not running). */
    ticket: () => ticketFlow()?.getSnapshot() as SnapshotFrom<TakeTicketMachine> | undefined,
  };
}

export type Session = ReturnType<typeof startSession>;

/** Where the session's flow region is: home, takingTicket, collectingResult (undefined outside the session). */
export const flowOf = (s: Session) => (s.actor.getSnapshot().value as { session?: { flow?: unknown } }).session?.flow;

/** Waits for the ticket flow to reach a state (a name, or a nested value such as { choosingService: 'ready' }). */
export const ticketAt = async (s: Session, value: Parameters<SnapshotFrom<TakeTicketMachine>['matches']>[0]) => {
  await waitFor(s.actor, (snap) => snap.children.takeTicket !== undefined, { timeout: 1000 });
  return waitFor(s.ticketFlow()!, (snap) => (snap as SnapshotFrom<TakeTicketMachine>).matches(value), { timeout: 1000 });
};

/** Waits for the pickup flow to reach a state. */
export const pickupAt = async (s: Session, value: string) => {
  await waitFor(s.actor, (snap) => snap.children.collectResult !== undefined, { timeout: 1000 });
  return waitFor(s.pickupFlow()!, (snap) => snap.value === value, { timeout: 1000 });
};

/** Attract → home → "Lấy số thứ tự" → a service → the priority question. */
export async function toPriorityQuestion(s: Session, serviceId = 'tu-phap') {
  await waitFor(s.actor, (snap) => snap.matches('attract'));
  s.actor.send({ type: 'kiosk.touched' });
  s.actor.send({ type: 'home.takeTicket' });
  await ticketAt(s, { choosingService: 'ready' });
  s.actor.send({ type: 'service.selected', serviceId });
  await ticketAt(s, 'askingPriority');
}
