/**
 * Serial ports for the site config and diagnostics. `SerialPort.list()` needs udevadm on Linux; where it is
 * missing (minimal images, containers) the /dev/serial/by-id links are listed instead, and the result says so.
 */
import { autoDetect } from '@serialport/bindings-cpp';
import { constants } from 'node:fs';
import { access, readdir, realpath } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

import type { PortEntry, PortList } from './port-list';


const BY_ID = '/dev/serial/by-id';

async function byIdLinks(dir = BY_ID): Promise<PortEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return Promise.all(names.sort().map(async (name) => ({ path: await realpath(join(dir, name)).catch(() => join(dir, name)), byId: join(dir, name) })));
}

/** The binding spawns `udevadm` and may report a missing one as an empty list: look for it ourselves first. */
async function hasUdevadm(): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      await access(join(dir, 'udevadm'), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function fallbackNote(reason: string): string {
  return `udevadm is not available (${reason}); listed ${BY_ID} instead — USB adapters only, no vendor details. Prefer the by-id path in the site config: it survives re-plugging.`;
}

export async function listSerialPorts(): Promise<PortList> {
  if (process.platform === 'linux' && !(await hasUdevadm())) {
    return { source: 'by-id', ports: await byIdLinks(), note: fallbackNote('not on the PATH') };
  }
  try {
    // The binding's PortInfo type is hidden by @serialport/bindings-interface's exports map; these are its fields.
    const ports: { path: string; manufacturer?: string; vendorId?: string; productId?: string; serialNumber?: string }[] = await autoDetect().list();
    const byId = await byIdLinks();
    return {
      source: 'udev',
      ports: ports.map((p) => {
        const link = byId.find((b) => b.path === p.path)?.byId;
        return {
          path: p.path,
          ...(link ? { byId: link } : {}),
          ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
          ...(p.vendorId ? { vendorId: p.vendorId } : {}),
          ...(p.productId ? { productId: p.productId } : {}),
          ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
        };
      }),
    };
  } catch (err) {
    return {
      source: 'by-id',
      ports: await byIdLinks(),
      note: fallbackNote((err as Error).message.split('\n')[0] ?? 'failed'),
    };
  }
}
