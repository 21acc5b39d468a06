/** Display zones (domain, pure): a display's counters and services, and which of the day's calls a display needs. */
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { displayCalls, DisplayZones } from '../../../kiosk-agent/src/display/display-zones';
import { AgentError } from '../../../kiosk-agent/src/errors/agent-error';

const config = parseSiteConfig({
  center: { name: 'Trung tâm Phục vụ hành chính công tỉnh' },
  dataDir: '/var/lib/motcua-kiosk',
  printer: { driver: 'simulated' },
  services: [
    { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' } },
    { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
    { id: 'xay-dung', prefix: 'E', name: { vi: 'Xây dựng', en: 'Construction' } },
  ],
  counters: [
    { id: '1', services: ['tu-phap'] },
    { id: '2', name: { vi: 'Quầy Đất đai', en: 'Land desk' }, services: ['xay-dung', 'dat-dai'] },
    { id: '3', services: ['tu-phap'] },
  ],
  displays: [{ id: 'tang-2', name: { vi: 'Tầng 2', en: 'Floor 2' }, counters: ['3', '2'] }],
  staff: { tokens: ['a-long-random-secret-for-staff'] },
});
const zones = new DisplayZones({ displays: config.displays, counters: config.counters, services: () => config.services });

describe('display zones', () => {
  it("a display's zone: its counters in its order (default names filled), the services they serve in the config's order", () => {
    expect(zones.zone('tang-2')).toEqual({
      id: 'tang-2',
      name: { vi: 'Tầng 2', en: 'Floor 2' },
      counters: [
        { id: '3', name: { vi: 'Quầy số 3', en: 'Counter 3' } },
        { id: '2', name: { vi: 'Quầy Đất đai', en: 'Land desk' } },
      ],
      services: [
        { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' } },
        { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
        { id: 'xay-dung', prefix: 'E', name: { vi: 'Xây dựng', en: 'Construction' } },
      ],
    });
    expect(zones.allCounters().map((c) => c.id)).toEqual(['1', '2', '3']);
  });

  it('an unknown display is DISPLAY_NOT_FOUND, in Vietnamese, saying what to check', () => {
    let error: unknown;
    try {
      zones.zone('tang-9');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).code).toBe('DISPLAY_NOT_FOUND');
    expect((error as AgentError).message).toMatch(/^Không có màn hình "tang-9".*Kiểm tra lại địa chỉ trang/);
  });

  it("keeps the day's newest calls and the latest call of every counter among the rest", () => {
    const calls = [
      { counterId: '1', n: 9 },
      { counterId: '1', n: 8 },
      { counterId: '2', n: 7 },
      { counterId: '1', n: 6 },
      { counterId: '3', n: 5 },
      { counterId: '2', n: 4 },
      { counterId: '4', n: 3 },
    ];
    expect(displayCalls(calls, 2).map((c) => c.n)).toEqual([9, 8, 7, 5, 3]);
    expect(displayCalls(calls, 10)).toHaveLength(7);
    expect(displayCalls([], 10)).toEqual([]);
  });
});
