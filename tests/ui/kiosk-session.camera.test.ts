/** The session's camera region: on only while asked for, closed by a read slip, a failure, or the session's end. */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { DEFAULT_TIMING } from '../../kiosk-ui/src/app/kiosk-session/kiosk-session.machine';
import { SLIP, pickupAt, startSession } from './support/kiosk-session-harness';

const toHome = async (s: ReturnType<typeof startSession>) => {
  await waitFor(s.actor, (snap) => snap.matches('attract'));
  s.actor.send({ type: 'kiosk.touched' });
};

describe('kiosk session: the camera', () => {
  it('a slip read by the camera starts the pickup flow with it and turns the camera off', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toHome(s);
    s.actor.send({ type: 'camera.open' });
    expect(s.camera.running).toBe(1);
    s.camera.sendBack!({ type: 'scan.received', code: SLIP });
    expect(s.camera.running).toBe(0);
    expect(s.actor.getSnapshot().matches({ session: { flow: 'collectingResult', camera: 'off' } })).toBe(true);
    await pickupAt(s, 'enteringCode');
    expect(s.lookup).toHaveBeenCalledWith(SLIP);
  });

  it('no camera: the reason is kept until the visitor closes it, and can be tried again', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toHome(s);
    s.actor.send({ type: 'camera.open' });
    s.camera.sendBack!({ type: 'camera.failed', code: 'CAMERA_UNAVAILABLE' });
    expect(s.actor.getSnapshot().matches({ session: { camera: 'failed' } })).toBe(true);
    expect(s.actor.getSnapshot().context.cameraError).toBe('CAMERA_UNAVAILABLE');
    s.actor.send({ type: 'camera.open' });
    expect(s.camera.starts).toBe(2);
    s.actor.send({ type: 'camera.close' });
    expect(s.actor.getSnapshot().context.cameraError).toBeNull();
    expect(s.camera.running).toBe(0);
  });

  it('the camera never stays on after the session ends', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toHome(s);
    s.actor.send({ type: 'camera.open' });
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
    expect(s.camera.running).toBe(0);
  });
});
