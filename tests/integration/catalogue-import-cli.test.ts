/**
 * `npm run catalogue:import -- --config FILE CATALOGUE` as a technician runs it, a process of its own on a site's
 * SQLite store: the report it prints (how many imported, each refused line with its number and why), its exit
 * codes (0 all imported, 1 some lines refused, 2 a file, config or usage problem, in a clear Vietnamese-first line
 * and never a stack trace), and an agent started on that site finding what it imported.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ProcedureList } from '../../shared/procedure-schemas';
import { getJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

function catalogueImport(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalogue-import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NO_STACK = /\n\s+at /;

/** As the province exports it: two good procedures, then a line without a code and one with a malformed code. */
const CSV = [
  'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Địa chỉ trang',
  '1.001193.H38;Đăng ký khai sinh;Hộ tịch;Ủy ban nhân dân cấp xã;Trong ngày;Miễn lệ phí;Tờ khai đăng ký khai sinh|Giấy chứng sinh;',
  '2.000815.000.00.00.H38;Chứng thực bản sao từ bản chính;Chứng thực;Ủy ban nhân dân cấp xã;Trong ngày;2.000 đồng/trang;Bản chính giấy tờ;',
  ';Không có mã;Hộ tịch;;;;;',
  '1.00ABC;Mã sai dạng;Hộ tịch;;;;;',
].join('\n');

describe('npm run catalogue:import', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const site = join(dir.path, 'site.json');
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir.path, name), text);
    return join(dir.path, name);
  };
  writeFileSync(site, JSON.stringify({ ...testConfig(join(dir.path, 'data')), procedures: { fieldServices: { 'Hộ tịch': 'tu-phap' } } }));

  it('imports the good lines, reports each refused one with its number and reason (exit 1); the agent finds them', async () => {
    const run = catalogueImport(['--config', site, file('thu-tuc.csv', CSV)]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'Đã nhập 2 thủ tục / imported',
      'Dòng 4: thiếu mã thủ tục',
      'Dòng 5: mã thủ tục "1.00ABC" không đúng dạng (ví dụ 1.000948.H38 hoặc 2.001218.000.00.00.H38)',
      'Không nhập 2 dòng / refused',
      'Lĩnh vực chưa gắn với quầy (procedures.fieldServices) / fields without a service: Chứng thực',
    ]);

    // A clean file: exit 0, and what was there stays (the import upserts by code).
    const clean = catalogueImport(['--config', site, file('them.json', JSON.stringify([{ code: '1.000894.H38', name: 'Đăng ký kết hôn', field: 'Hộ tịch', documents: ['Tờ khai'] }]))]);
    expect([clean.status, clean.stdout.trim()]).toEqual([0, 'Đã nhập 1 thủ tục / imported']);

    const agent = await startKioskAgent({ configPath: site });
    try {
      const found = (await getJson<ProcedureList>(`${agent.url}/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}`)).body;
      expect(found.procedures.map((p) => [p.code, p.name])).toEqual([['1.001193.H38', 'Đăng ký khai sinh']]);
      expect((await getJson<ProcedureList>(`${agent.url}/api/procedures`)).body.total).toBe(3);
    } finally {
      await agent.stop();
    }
  }, 90_000);

  it('a missing file, a JSON file it cannot read, a broken config or a wrong call: one clear line, exit 2, no stack', () => {
    const cases: [string[], RegExp][] = [
      [['--config', site, join(dir.path, 'khong-co.csv')], /^Không đọc được tệp .*khong-co\.csv: không có tệp này \/ cannot read the file \(ENOENT\)$/],
      [['--config', site, file('hong.json', '[{"code": "1.001193.H38", "name": ')], /^Không nhập được tệp .*hong\.json: tệp JSON không đọc được: .*Chưa nhập thủ tục nào \/ nothing imported$/],
      [['--config', file('site-hong.json', '{ "center": '), file('ok.csv', CSV)], /^Tệp cấu hình .*site-hong\.json không dùng được \/ invalid site config:\n {2}- .*not valid JSON/],
      [['--config', join(dir.path, 'khong-co.json'), join(dir.path, 'ok.csv')], /^Tệp cấu hình .*khong-co\.json không dùng được \/ invalid site config:\n {2}- .*cannot read \(ENOENT\)$/],
      [[join(dir.path, 'ok.csv')], /^Cách dùng \/ usage: npm run catalogue:import -- --config FILE/],
    ];
    for (const [args, said] of cases) {
      const run = catalogueImport(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toMatch(said);
      expect(run.stderr).not.toMatch(NO_STACK);
      expect(run.stdout).toBe('');
    }
  }, 90_000);
});
