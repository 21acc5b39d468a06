import { describe, expect, it } from 'vitest';
import { averageServiceMinutes, estimateWaitMinutes } from '../../../kiosk-agent/src/queue/estimated-wait';

describe('estimated wait', () => {
  it('uses the configured default before there is history', () => {
    expect(averageServiceMinutes([], 5)).toBe(5);
    expect(averageServiceMinutes([240_000, 300_000], 5)).toBe(5);
  });

  it('uses the median of recent service times once there are enough', () => {
    expect(averageServiceMinutes([120_000, 180_000, 600_000], 5)).toBe(3);
  });

  it('ignores accidental taps and tickets left open for hours', () => {
    expect(averageServiceMinutes([1_000, 2_000, 120_000, 120_000, 120_000, 5 * 3_600_000], 5)).toBe(2);
  });

  it('spreads the people ahead across counters and rounds up', () => {
    expect(estimateWaitMinutes(0, 5, 1)).toBe(0);
    expect(estimateWaitMinutes(3, 5, 1)).toBe(15);
    expect(estimateWaitMinutes(3, 5, 2)).toBe(8);
    expect(estimateWaitMinutes(3, 5, 0)).toBe(15);
  });
});
