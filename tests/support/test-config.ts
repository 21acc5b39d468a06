/** Site configs for tests: a small centre with two services and two counters. */
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';

export const STAFF_TOKEN = 'test-staff-token-0123456789';

export function testConfig(dataDir: string, printer: SiteConfigInput['printer'] = { driver: 'simulated' }): SiteConfigInput {
  return {
    center: { name: 'Trung tâm Phục vụ hành chính công xã Cát Tiên', timezone: 'Asia/Ho_Chi_Minh' },
    server: { host: '127.0.0.1', port: 0 },
    dataDir,
    printer,
    services: [
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' } },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
    ],
    counters: [
      { id: '1', services: ['tu-phap'] },
      { id: '2', services: ['tu-phap', 'dat-dai'] },
    ],
    queue: { priorityStreakLimit: 2, defaultServiceMinutes: 5 },
    staff: { tokens: [STAFF_TOKEN] },
    // Tests poll lookups while a door shuts; the limit itself is tested with its own config.
    pickup: { guessing: { lookupsPerMinute: 10_000 } },
    // Inside the test's own folder, so it goes with it (a site keeps it beside the data folder: README).
    secrets: { keyFile: `${dataDir}/kiosk.key` },
    logLevel: 'silent',
  };
}
