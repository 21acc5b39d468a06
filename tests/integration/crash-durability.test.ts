/**
 * kill -9 during a burst of tickets, restart: no duplicate, no reused number, nothing a citizen was given is lost.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../shared/api-schemas';
import { spawnAgent } from '../support/agent-process';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

describe('kill -9 during a burst of tickets', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('restarts with every issued number kept and none duplicated or reused', async () => {
    const configFile = join(dir.path, 'site.json');
    writeFileSync(configFile, JSON.stringify(testConfig(join(dir.path, 'data'))));

    const first = spawnAgent(['--config', configFile]);
    const url = await first.url;
    const acknowledged: IssuedTicket[] = [];
    let stop = false;
    // Eight clients issuing as fast as they can; the process is killed mid-burst.
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          const res = await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' });
          if (res.status === 201) acknowledged.push(res.body);
        } catch {
          return; // connection cut by the kill
        }
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = spawnAgent(['--config', configFile]);
    const url2 = await second.url;
    const after = await postJson<IssuedTicket>(`${url2}/api/tickets`, { serviceId: 'tu-phap' });
    expect(after.status).toBe(201);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const db = new Database(join(dir.path, 'data', 'kiosk.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT id, number, seq FROM tickets WHERE service_id = 'tu-phap' ORDER BY seq").all() as { id: string; number: string; seq: number }[];
    db.close();

    const numbers = rows.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Every ticket a citizen was handed is in the store under the same id and number.
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const t of acknowledged) expect(byId.get(t.id)).toBe(t.number);
    // The number after the restart is higher than anything issued before the crash.
    const maxBefore = Math.max(...acknowledged.map((t) => Number(t.number.slice(1))));
    expect(Number(after.body.number.slice(1))).toBeGreaterThan(maxBefore);
    // Sequences have no gaps: a number is only taken when its ticket is committed.
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });
});
