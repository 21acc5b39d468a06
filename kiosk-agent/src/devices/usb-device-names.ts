/**
 * What `npm run ports` adds for the install kit (deploy/debian/): USB printers (the usblp class, /dev/usb/lpN),
 * which the serial listing does not show, with the vendor:product and serial a udev rule matches on; and the
 * stable names the kit's rules (70-motcua-kiosk.rules) made, /dev/motcua-{printer,scanner,locker}.
 */
import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { join } from 'node:path';

export interface UsbPrinter {
  path: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  product?: string;
}

const read = (file: string): Promise<string | undefined> => readFile(file, 'utf8').then((s) => s.trim(), () => undefined);

export async function listUsbPrinters(sysClass = '/sys/class/usbmisc'): Promise<UsbPrinter[]> {
  const names = await readdir(sysClass).catch(() => [] as string[]);
  const printers: UsbPrinter[] = [];
  for (const name of names.filter((n) => /^lp\d+$/.test(n)).sort()) {
    // device → the USB interface; its parent folder is the USB device with the ids.
    const usbDevice = join(await realpath(join(sysClass, name, 'device')).catch(() => ''), '..');
    const [vendorId, productId, serialNumber, product] = await Promise.all(['idVendor', 'idProduct', 'serial', 'product'].map((f) => read(join(usbDevice, f))));
    printers.push({
      path: `/dev/usb/${name}`,
      ...(vendorId ? { vendorId } : {}),
      ...(productId ? { productId } : {}),
      ...(serialNumber ? { serialNumber } : {}),
      ...(product ? { product } : {}),
    });
  }
  return printers;
}

/** `/dev/motcua-*` links and where they point now; none before the kit's udev rules have matched a device. */
export async function stableDeviceNames(dev = '/dev'): Promise<{ name: string; target: string }[]> {
  const names = (await readdir(dev).catch(() => [] as string[])).filter((n) => n.startsWith('motcua-')).sort();
  return Promise.all(names.map(async (n) => ({ name: join(dev, n), target: await readlink(join(dev, n)).catch(() => '?') })));
}
