/**
 * Spoken guidance of the check-in screens that give no ticket (too early, expired, cancelled, not found, a failure):
 * each says in Vietnamese why and what to touch next, as a sentence of the `guide` catalogue — so the build makes
 * it an espeak-ng clip for kiosks without a speech voice — and the keypad says "not found" once, not again at the
 * first digit typed. The check-in machine runs with the agent doubled.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { CheckInResponse } from '../../shared/appointment-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { keypadGuide, refusalOf } from '../../kiosk-ui/src/flows/check-in/check-in-refusal';
import { checkInMachine, type CheckInMachine } from '../../kiosk-ui/src/flows/check-in/check-in.machine';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { guidanceClips } from '../../kiosk-ui/src/speech/guidance-clips';

const vi = CATALOGUES.vi;
const refusal = (code: string, details: Record<string, string> = {}) => new AgentRequestError(code as never, 'refused', 409, details);
const START = '2026-12-02T04:00:00.000Z'; // 11:00 in Hà Nội

/** The flow after the agent answered `error` to the code typed: the state it shows. */
async function refusedWith(error: Error): Promise<SnapshotFrom<CheckInMachine>> {
  const machine = checkInMachine.provide({ actors: { checkIn: fromPromise<CheckInResponse, { code: string }>(() => Promise.reject(error)) } });
  const actor = createActor(machine, { input: { code: null } }).start();
  for (const digit of '12345678') actor.send({ type: 'checkin.digit', digit });
  actor.send({ type: 'checkin.submit' });
  return waitFor(actor, (s) => !s.matches('checking') && s.context.lastRefusal !== null, { timeout: 1000 });
}

describe('check-in refusals speak', () => {
  it.each([
    ['too early', refusal('APPOINTMENT_TOO_EARLY', { start: START, checkInFrom: '2026-12-02T03:30:00.000Z' }), vi.guide.checkInTooEarly, 'Chưa đến giờ nhận số theo lịch hẹn. Xin quay lại vào giờ ghi trên màn hình.'],
    ['expired', refusal('APPOINTMENT_EXPIRED', { start: START, serviceId: 'tu-phap' }), vi.guide.checkInExpired, 'Lịch hẹn đã quá giờ nhận số. Xin chạm nút Lấy số thường để lấy số chờ.'],
    ['cancelled', refusal('APPOINTMENT_CANCELLED', { serviceId: 'tu-phap' }), vi.guide.checkInCancelled, 'Lịch hẹn này đã bị hủy. Xin chạm nút Lấy số thường để lấy số chờ.'],
    ['service closed', refusal('SERVICE_CLOSED'), vi.guide.checkInAskStaff, 'Ki-ốt không cấp được số cho lịch hẹn này. Xin hỏi cán bộ hướng dẫn.'],
    ['the agent unreachable', new Error('network down'), vi.guide.checkInFailed, 'Ki-ốt chưa kiểm tra được lịch hẹn. Xin chạm nút Thử lại, hoặc hỏi cán bộ hướng dẫn.'],
  ])('%s: the sentence that says why and what to touch, with a clip', async (_, error, guide, sentence) => {
    const r = refusalOf(await refusedWith(error), vi, 420);
    expect(r.guide).toBe(guide);
    expect(r.guide).toBe(sentence);
    expect(guidanceClips(CATALOGUES).some((c) => c.lang === 'vi' && c.text === r.guide)).toBe(true);
    // The button the sentence names is the one on the screen.
    if (/Lấy số thường/.test(r.guide)) expect(r.walkIn).toBe(true);
    if (/Thử lại/.test(r.guide)) expect(r.retry).toBe(true);
  });

  it('the screen shows the times the guidance leaves out', async () => {
    const r = refusalOf(await refusedWith(refusal('APPOINTMENT_TOO_EARLY', { start: START, checkInFrom: '2026-12-02T03:30:00.000Z' })), vi, 420);
    expect(r.text).toBe('Lịch hẹn của ông/bà lúc 11:00. Ki-ốt nhận lịch hẹn từ 10:30; mời ông/bà quay lại lúc đó.');
  });

  it('an expired booking whose service is unknown offers no walk-in button, so the guidance does not name it', async () => {
    const r = refusalOf(await refusedWith(refusal('APPOINTMENT_EXPIRED', { start: START })), vi, 420);
    expect([r.walkIn, r.guide]).toEqual([false, vi.guide.checkInAskStaff]);
  });

  it('an unknown code: the keypad says it was not found, and does not switch back at the first digit typed', async () => {
    const machine = checkInMachine.provide({ actors: { checkIn: fromPromise<CheckInResponse, { code: string }>(() => Promise.reject(refusal('APPOINTMENT_NOT_FOUND'))) } });
    const actor = createActor(machine, { input: { code: null } }).start();
    expect(keypadGuide(actor.getSnapshot(), vi)).toBe('Xin nhập mã lịch hẹn gồm tám chữ số, hoặc đưa mã QR vào máy quét.');
    for (const digit of '11111111') actor.send({ type: 'checkin.digit', digit });
    actor.send({ type: 'checkin.submit' });
    const back = await waitFor(actor, (s) => s.matches('entering') && s.context.errorCode === 'APPOINTMENT_NOT_FOUND', { timeout: 1000 });
    expect(keypadGuide(back, vi)).toBe('Không tìm thấy lịch hẹn với mã này. Xin kiểm tra lại tám chữ số trong tin nhắn, rồi nhập lại.');
    actor.send({ type: 'checkin.digit', digit: '2' });
    expect(actor.getSnapshot().context.errorCode).toBeNull(); // the message on screen goes…
    expect(keypadGuide(actor.getSnapshot(), vi)).toBe(vi.guide.checkInNotFound); // …the spoken guidance is not said again
    expect(guidanceClips(CATALOGUES).filter((c) => c.text === vi.guide.checkInNotFound || c.text === vi.guide.checkInCode)).toHaveLength(2);
  });
});
