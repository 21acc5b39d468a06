/** What the support bundle keeps of the site config: no tokens, no PIN hash, no secrets hidden in URLs. */
import { describe, expect, it } from 'vitest';
import { redactSecrets, stripUrlSecrets } from '../../../kiosk-agent/src/compose/compose-diagnostics';

describe('support bundle redaction', () => {
  it('strips credentials, query strings and fragments from URLs, and leaves other text alone', () => {
    expect(stripUrlSecrets('https://sms.example.vn/send?apikey=abc123&to=1')).toBe('https://sms.example.vn/send (***)');
    expect(stripUrlSecrets('postgres://kiosk:secret@10.0.0.5:5432/motcua')).toBe('postgres://10.0.0.5:5432/motcua (***)');
    expect(stripUrlSecrets('tcp://192.0.2.10:9100')).toBe('tcp://192.0.2.10:9100');
    expect(stripUrlSecrets('Trung tâm Phục vụ hành chính công')).toBe('Trung tâm Phục vụ hành chính công');
  });

  it('replaces secret-looking keys at any depth and strips URLs inside the config', () => {
    const out = redactSecrets({
      staff: { tokens: ['a', { token: 'b', name: 'quầy 2' }] },
      server: { kioskDevices: [{ name: 'Sảnh B', token: 'device-secret' }], tls: { cert: '/etc/ssl/c.pem', key: '/etc/ssl/k.pem' } },
      notifier: { driver: 'webhook', url: 'https://user:pw@gw.example/sms?key=zzz', token: 't' },
      technician: { pinHash: 'scrypt$…' },
      secrets: { keyFile: '/var/lib/motcua.key' },
    });
    const text = JSON.stringify(out);
    for (const secret of ['device-secret', 'pw@', 'zzz', 'scrypt$', '/var/lib/motcua.key', '/etc/ssl/k.pem', '"b"']) expect(text).not.toContain(secret);
    expect(out).toMatchObject({ staff: { tokens: ['***', '***'] }, notifier: { url: 'https://gw.example/sms (***)', token: '***' }, server: { tls: { cert: '/etc/ssl/c.pem', key: '***' } } });
  });
});
