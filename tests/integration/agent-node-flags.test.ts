/**
 * The agent as a centre runs it: Node with the flags and malloc settings of scripts/release/agent-node-flags.json.
 * `--jitless` takes WebAssembly away, and with it Node's `fetch`; this proves the agent's calls out (the SMS gateway,
 * the province's one-stop system) still work under those flags, and that the systemd unit runs the agent with the
 * same flags as `npm start` and the memory bench.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AGENT_RUN from '../../scripts/release/agent-node-flags.json';
import { spawnAgent } from '../support/agent-process';
import { FakeGateway } from '../support/fake-gateway';
import { FakeOneStop } from '../support/fake-one-stop';
import { postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PHONE = '0912345678';

describe('the agent under its production Node flags', () => {
  const gateway = new FakeGateway();
  const oneStop = new FakeOneStop();
  const dir = tempDir('motcua-flags-');
  beforeAll(async () => {
    await gateway.start();
    await oneStop.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await oneStop.stop();
    dir.cleanup();
  });

  it('the systemd unit starts the agent with the same flags and malloc settings as npm start', () => {
    const unit = readFileSync(join(REPO, 'deploy/debian/systemd/motcua-kiosk.service'), 'utf8');
    const execStart = /^ExecStart=\/usr\/bin\/node (.*) \/opt\/motcua-kiosk\/current\/dist\/agent\/main\.js/m.exec(unit)?.[1];
    expect(execStart?.split(' ')).toEqual(AGENT_RUN.flags);
    const environment = /^Environment=(.*)$/m.exec(unit)?.[1]?.split(' ') ?? [];
    for (const [key, value] of Object.entries(AGENT_RUN.env)) expect(environment).toContain(`${key}=${value}`);
    expect(AGENT_RUN.flags).toContain('--jitless');
  });

  it('sends an SMS through the gateway and reads a dossier from the one-stop system, without WebAssembly', async () => {
    oneStop.dossiers.set('000.00.15.H29-250704-0301', {
      MaHoSo: '000.00.15.H29-250704-0301',
      TenThuTuc: 'Cấp bản sao trích lục khai sinh',
      ChuHoSo: 'Nguyễn Văn An',
      SoDienThoai: PHONE,
      NgayHenTra: '2025-07-10',
      TrangThai: 4,
    });
    const configFile = join(dir.path, 'site.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...testConfig(join(dir.path, 'data')),
        notifier: { driver: 'webhook', url: gateway.url },
        outbox: { pollMs: 50, minBackoffMs: 50 },
        queue: { notifyAhead: 3 },
        upstream: { driver: 'http', baseUrl: oneStop.baseUrl, token: 'one-stop-secret', timeoutMs: 2000 },
      }),
    );
    const agent = spawnAgent(['--config', configFile], AGENT_RUN.env, AGENT_RUN.flags);
    try {
      const url = await agent.url;
      // Nobody ahead: the "your turn is near" message goes out at once, over node:http.
      const ticket = await postJson<{ number: string }>(`${url}/api/tickets`, { serviceId: 'tu-phap', phone: PHONE });
      expect(ticket.status).toBe(201);
      await waitUntil(() => gateway.received.length === 1, 10_000, 'the SMS at the gateway');
      expect(gateway.received[0]).toMatchObject({ to: PHONE, reference: ticket.body.number });

      const lookup = await postJson<{ procedure: string; status: { code: number } }>(`${url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-0301' });
      expect(lookup.status).toBe(200);
      expect(lookup.body.procedure).toBe('Cấp bản sao trích lục khai sinh');
      expect(oneStop.lookups).toContain('000.00.15.H29-250704-0301');
      expect(agent.output()).not.toMatch(/WebAssembly|fetch failed/);
    } finally {
      agent.child.kill('SIGTERM');
      await agent.exited;
    }
  });
});
