/** The kiosk machine's camera region: on only while asked for, closed by a read slip, a failure, or the session's end. */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { KioskInfo, ServiceSummary } from '../../shared/api-schemas';
import { DEFAULT_TIMING, takeTicketMachine, type TakeTicketEvent } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';

const INFO: KioskInfo = { centerName: 'UBND xã', timezone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420, demo: false, priorityCategories: ['elderly'], pickup: { lockers: true, resultServiceId: null }, ratingScale: 3 };

function start() {
  const clock = new SimulatedClock();
  const camera = { running: 0, starts: 0, sendBack: null as ((e: TakeTicketEvent) => void) | null };
  const machine = takeTicketMachine.provide({
    actors: {
      loadKiosk: fromPromise(async () => INFO),
      loadServices: fromPromise(async (): Promise<ServiceSummary[]> => []),
      cameraScanner: fromCallback<TakeTicketEvent>(({ sendBack }) => {
        camera.running += 1;
        camera.starts += 1;
        camera.sendBack = sendBack;
        return () => {
          camera.running -= 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { idleWarningMs: 0 } }).start();
  return { actor, clock, camera };
}

describe('kiosk machine: the camera', () => {
  it('a slip read by the camera starts the pickup flow with it and turns the camera off', async () => {
    const { actor, camera } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'camera.open' });
    expect(camera.running).toBe(1);
    camera.sendBack!({ type: 'scan.received', code: '000.00.15.H29-250704-0012' });
    expect(camera.running).toBe(0);
    expect(actor.getSnapshot().matches({ session: { flow: 'collectingResult', camera: 'off' } })).toBe(true);
  });

  it('no camera: the reason is kept until the visitor closes it, and can be tried again', async () => {
    const { actor, camera } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'camera.open' });
    camera.sendBack!({ type: 'camera.failed', code: 'CAMERA_UNAVAILABLE' });
    expect(actor.getSnapshot().matches({ session: { camera: 'failed' } })).toBe(true);
    expect(actor.getSnapshot().context.cameraError).toBe('CAMERA_UNAVAILABLE');
    actor.send({ type: 'camera.open' });
    expect(camera.starts).toBe(2);
    actor.send({ type: 'camera.close' });
    expect(actor.getSnapshot().context.cameraError).toBeNull();
    expect(camera.running).toBe(0);
  });

  it('the camera never stays on after the session ends', async () => {
    const { actor, camera, clock } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'camera.open' });
    clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(camera.running).toBe(0);
  });
});
