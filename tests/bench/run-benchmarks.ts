/** `npm run bench`: prints medians and p99s. Targets are printed beside the figures; nothing here asserts time. */
import { cpus } from 'node:os';
import { benchAppointments } from './appointment-bench';
import { benchCentreCallToEvent, benchCentreTickets } from './centre-bench';
import { benchCentreStoreTickets } from './centre-store-bench';
import { benchCallToDisplay } from './counter-bench';
import { benchLockerRoundTrips } from './locker-bench';
import { benchReleaseBuild } from './release-bench';
import { benchScanToUnlock } from './pickup-bench';
import { benchRatings } from './rating-bench';
import { benchDurableTickets, benchTicketLatency } from './ticket-bench';
import { benchKioskUi } from './ui-bench';

/**
 * `BENCH_ONLY=centre` runs the centre's figures alone (centre-bench.ts), without the single kiosk's several minutes;
 * `BENCH_ONLY=appointments` the appointment figures alone (appointment-bench.ts); `BENCH_ONLY=ratings` the counter tablet,
 * ratings and the service-quality report (rating-bench.ts); `BENCH_ONLY=release` the release build's start-up and
 * memory alone (release-bench.ts).
 */
const only = process.env.BENCH_ONLY;

async function main(): Promise<void> {
  console.log(`motcua-kiosk benchmarks — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);
  if (only !== undefined && only !== 'centre' && only !== 'appointments' && only !== 'ratings' && only !== 'release') {
    throw new Error(`BENCH_ONLY=${only}: 'centre', 'appointments', 'ratings' or 'release'`);
  }
  if (only === 'release') {
    for (const line of await benchReleaseBuild()) console.log(line);
    return;
  }
  if (only === 'ratings') {
    for (const line of await benchRatings()) console.log(line);
    return;
  }
  if (only === 'appointments') {
    for (const line of await benchAppointments()) console.log(line);
    return;
  }
  if (only !== 'centre') await benchSingleKiosk();
  for (const line of await benchCentreStoreTickets()) console.log(line);
  for (const line of await benchCentreTickets()) console.log(line);
  for (const line of await benchCentreCallToEvent()) console.log(line);
}

async function benchSingleKiosk(): Promise<void> {
  for (const line of await benchDurableTickets()) console.log(line);
  for (const line of await benchTicketLatency(500, 'cp1258')) console.log(line);
  for (const line of await benchTicketLatency(500, 'raster')) console.log(line);
  for (const line of await benchLockerRoundTrips()) console.log(line);
  for (const line of await benchScanToUnlock()) console.log(line);
  for (const line of await benchCallToDisplay()) console.log(line);
  for (const line of await benchAppointments()) console.log(line);
  for (const line of await benchRatings()) console.log(line);
  for (const line of await benchKioskUi()) console.log(line);
  for (const line of await benchReleaseBuild()) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
