/** `npm run ports`: the serial ports a technician can put in the site config. */
import { listSerialPorts } from './devices/serial/list-ports';

const result = await listSerialPorts();
if (result.note) console.log(`note: ${result.note}`);
if (result.ports.length === 0) console.log('no serial ports found');
for (const p of result.ports) {
  const details = [p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : undefined, p.serialNumber].filter(Boolean).join(', ');
  console.log(`${p.byId ?? p.path}${p.byId ? ` -> ${p.path}` : ''}${details ? `  (${details})` : ''}`);
}
