/**
 * `npm run hash-pin -- <pin>`: prints the value for `technician.pinHash` in the site config. The PIN itself is
 * never stored. Exit 2 with a reason when the PIN is not 6 to 12 digits.
 */
import { hashTechnicianPin, PIN_PATTERN } from '../kiosk-agent/src/config/technician-pin';

const pin = process.argv[2] ?? '';
if (!PIN_PATTERN.test(pin)) {
  console.error('Usage: npm run hash-pin -- <pin>   (the technician PIN: 6 to 12 digits)');
  process.exit(2);
}
console.log(await hashTechnicianPin(pin));
