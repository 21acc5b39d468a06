/** The technician's log tail: the last lines, errors without their stack (its first frame only). */
import { describe, expect, it } from 'vitest';
import { LogRing } from '../../../kiosk-agent/src/diagnostics/log-ring';

describe('log ring', () => {
  it('keeps the last lines and shows an error as type, message and where it was thrown', () => {
    const ring = new LogRing(2);
    ring.write('{"msg":"one"}\n');
    ring.write(
      `${JSON.stringify({ level: 50, msg: 'unhandled error', err: { type: 'Error', message: 'no board 3', stack: 'Error: no board 3\n    at Bus.get (/work/main/kiosk-agent/src/devices/locker/bus.ts:74:19)\n    at Layer.handle (/work/main/node_modules/express/lib/router/layer.js:95:5)' } })}\n`,
    );
    ring.write('not json');
    const [error, plain] = ring.tail(10) as [Record<string, unknown>, string];
    expect(error).toEqual({ level: 50, msg: 'unhandled error', err: { type: 'Error', message: 'no board 3', at: 'kiosk-agent/src/devices/locker/bus.ts:74' } });
    expect(plain).toBe('not json');
    expect(JSON.stringify(ring.tail(10))).not.toContain('    at ');
  });
});
