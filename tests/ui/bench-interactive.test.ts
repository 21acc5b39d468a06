import { describe, expect, it } from 'vitest';
import { interactiveAt } from '../bench/ui-load-timing';

describe("the UI bench's time to interactive", () => {
  it('is when the screen appears if no long task follows', () => {
    expect(interactiveAt(800, [{ start: 100, end: 500 }])).toBe(800);
  });
  it('waits for long tasks running at or after that moment, until a quiet window', () => {
    const tasks = [{ start: 700, end: 850 }, { start: 900, end: 960 }, { start: 1600, end: 1700 }];
    expect(interactiveAt(800, tasks, 500)).toBe(960); // 960 → 1600 is quiet for 640 ms
    expect(interactiveAt(800, tasks, 700)).toBe(1700);
  });
});
