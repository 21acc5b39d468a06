import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadSiteConfigFile, parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { tempDir } from '../../support/temp-dir';

const CONTRACT_EXAMPLE = {
  center: { name: 'Trung tâm Phục vụ hành chính công xã Cát Tiên', timezone: 'Asia/Ho_Chi_Minh' },
  server: { host: '127.0.0.1', port: 8080 },
  dataDir: './data/site',
  printer: { driver: 'escpos', interface: 'tcp://192.0.2.10:9100', text: 'cp1258' },
  scanner: { driver: 'serial', path: '/dev/ttyACM0', baudRate: 9600 },
  locker: { driver: 'kerong-cu', path: '/dev/ttyUSB0', baudRate: 19200, boards: [{ address: 0, locks: 16 }] },
  services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' } }],
  counters: [{ id: '1', services: ['tu-phap'] }],
  staff: { tokens: ['a-long-random-secret-for-staff'] },
  // A real hash (npm run hash-pin -- 123456): the validator refuses anything else.
  technician: { pinHash: 'scrypt$32768$8$1$e/S8hhXEhApnGpnE64+E3Q==$rLad/hsv6f/eC04DgNaJfqT31NTFYNrJWSq0xi0B5C8=' },
};

function problems(raw: unknown): string[] {
  try {
    parseSiteConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('site config', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('accepts the example of the site config contract and fills defaults', () => {
    const c = parseSiteConfig(CONTRACT_EXAMPLE);
    expect(c.printer).toMatchObject({ driver: 'escpos', text: 'cp1258', codePage: 52, columns: 48 });
    expect(c.queue.priorityStreakLimit).toBe(3);
    expect(c.queue.priorityCategories).toEqual(['elderly', 'disabled', 'pregnant', 'merit']);
  });

  it('reports one line per problem with its path', () => {
    const lines = problems({
      ...CONTRACT_EXAMPLE,
      center: { name: '', timezone: 'Mars/Olympus' },
      printer: { driver: 'escpos', interface: 'lpt1', text: 'utf8' },
      services: [
        { id: 'tu-phap', prefix: 'a', name: { vi: 'x', en: 'y' } },
        { id: 'tu-phap', prefix: 'B', name: { vi: 'x', en: 'y' } },
      ],
      counters: [{ id: '1', services: ['nowhere'] }],
      colour: 'blue',
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^center\.name: /),
        expect.stringMatching(/^center\.timezone: not an IANA time zone/),
        expect.stringMatching(/^printer\.interface: expected tcp:\/\/host:port/),
        expect.stringMatching(/^printer\.text: /),
        expect.stringMatching(/^services\[0\]\.prefix: one or two capital letters/),
        expect.stringMatching(/^\(root\): unknown key\(s\) "colour"/),
      ]),
    );
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('catches duplicate services and counters pointing at unknown services', () => {
    const lines = problems({
      ...CONTRACT_EXAMPLE,
      services: [...CONTRACT_EXAMPLE.services, { ...CONTRACT_EXAMPLE.services[0] }],
      counters: [{ id: '1', services: ['ghost'] }],
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'services[1].id: duplicate service id "tu-phap"',
        'services[1].prefix: prefix "A" is used by another service',
        'counters[0].services[0]: unknown service "ghost"',
      ]),
    );
  });

  it('loads a file, resolving a relative dataDir against the file, and applies overrides', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'site.json');
    writeFileSync(file, JSON.stringify(CONTRACT_EXAMPLE));
    expect(loadSiteConfigFile(file).dataDir).toBe(join(dir.path, 'data/site'));
    expect(loadSiteConfigFile(file, { port: 9999 }).server.port).toBe(9999);
  });

  it('explains unreadable and non-JSON files', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, '{ "center": ');
    expect(() => loadSiteConfigFile(file)).toThrow(/not valid JSON/);
    expect(() => loadSiteConfigFile(join(dir.path, 'missing.json'))).toThrow(/cannot read \(ENOENT\)/);
  });

  it('fills the network-safety defaults and refuses the old address-only kiosk list with a way forward', () => {
    const c = parseSiteConfig(CONTRACT_EXAMPLE);
    expect(c.server.websocket).toEqual({ maxClients: 2000, maxPerAddress: 16, pingMs: 30_000 });
    expect(c.server.kioskDevices).toEqual([]);
    expect(c.pickup.guessing).toEqual({ wrongCodesPerKiosk: 20, windowMinutes: 10, pauseMinutes: 15, lockoutsBeforeStaff: 3, lookupsPerMinute: 30 });
    expect(c.privacy.retentionDays).toBe(90);
    expect(c.technician?.maxSessionMinutes).toBe(60);
    const lines = problems({
      ...CONTRACT_EXAMPLE,
      server: { host: '0.0.0.0', port: 8080, kioskClients: ['192.168.1.40'], kioskDevices: [{ name: 'Sảnh B', token: 'short' }] },
      staff: { tokens: ['short-token', { token: 'a-long-random-secret-for-staff', expiresAt: 'next week' }] },
    });
    expect(lines).toContainEqual(expect.stringMatching(/^server\.kioskClients: replaced by server\.kioskDevices/));
    expect(lines).toContainEqual(expect.stringMatching(/^server\.kioskDevices\[0\]\.token: at least 24 characters/));
    expect(lines.some((l) => l.startsWith('staff.tokens[0]'))).toBe(true);
    expect(lines.some((l) => l.startsWith('staff.tokens[1]'))).toBe(true);
  });

  it('resolves the TLS files and the key file against the config file', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'site.json');
    writeFileSync(file, JSON.stringify({ ...CONTRACT_EXAMPLE, server: { host: '0.0.0.0', port: 8443, tls: { cert: 'tls/cert.pem', key: '/etc/ssl/kiosk.key' } }, secrets: { keyFile: 'kiosk.key' } }));
    const c = loadSiteConfigFile(file);
    expect(c.server.tls).toEqual({ cert: join(dir.path, 'tls/cert.pem'), key: '/etc/ssl/kiosk.key' });
    expect(c.secrets.keyFile).toBe(join(dir.path, 'kiosk.key'));
  });
});
