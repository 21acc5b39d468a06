/** `npm run ports`: the serial ports and USB printers a technician can put in the site config or the udev rules. */
import { listSerialPorts } from './devices/serial/list-ports';
import { listUsbPrinters, stableDeviceNames } from './devices/usb-device-names';

const result = await listSerialPorts();
if (result.note) console.log(`note: ${result.note}`);
if (result.ports.length === 0) console.log('no serial ports found');
for (const p of result.ports) {
  const details = [p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : undefined, p.serialNumber].filter(Boolean).join(', ');
  console.log(`${p.byId ?? p.path}${p.byId ? ` -> ${p.path}` : ''}${details ? `  (${details})` : ''}`);
}
// deploy/debian/install.sh takes these ids (--printer/--scanner/--locker VENDOR:PRODUCT[:SERIAL]).
for (const p of await listUsbPrinters()) {
  const ids = p.vendorId && p.productId ? `${p.vendorId}:${p.productId}${p.serialNumber ? `:${p.serialNumber}` : ''}` : 'ids unknown';
  console.log(`USB printer ${p.path}  (${[p.product, ids].filter(Boolean).join(', ')})`);
}
const stable = await stableDeviceNames();
for (const s of stable) console.log(`stable name ${s.name} -> ${s.target}`);
if (stable.length === 0) console.log('no /dev/motcua-* names yet (deploy/debian/install.sh writes the udev rules that make them)');
