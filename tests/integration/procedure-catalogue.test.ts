/**
 * The procedure catalogue over real HTTP, on each store (a lone kiosk's SQLite, a centre's PostgreSQL): the
 * province's export imported as CSV and as JSON with its bad lines reported, searched without diacritics, read
 * with where to submit it, and its papers printed on the simulated printer (decoded there). The kiosk info says
 * whether there is a catalogue to look up (the home screen's "Tra cứu thủ tục").
 */
import { describe, expect } from 'vitest';
import type { ErrorBody, KioskInfo } from '../../shared/api-schemas';
import type { ProcedureDetail, ProcedureImportResponse, ProcedureList } from '../../shared/procedure-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { freshDatabase } from '../support/postgres-cluster';

const SCOPED = { authorization: 'Bearer catalogue-import-token-0123456789' };
const OTHER_SCOPE = { authorization: 'Bearer dossier-import-token-0123456789' };
const config = {
  procedures: { fieldServices: { 'Hộ tịch': 'tu-phap' } },
  staff: {
    tokens: [
      'test-staff-token-0123456789',
      { token: 'catalogue-import-token-0123456789', name: 'tinh-thu-tuc', scopes: ['procedures' as const] },
      { token: 'dossier-import-token-0123456789', name: 'tinh-ho-so', scopes: ['dossiers' as const] },
    ],
  },
};
const STORES = {
  sqlite: agentTest({ config: () => config }),
  postgres: agentTest({ config: async () => ({ ...config, store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

const CSV = [
  '\uFEFFMã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Địa chỉ trang',
  '1.001193.H38;Đăng ký khai sinh;Hộ tịch;Ủy ban nhân dân cấp xã;"Trong ngày; sau 15 giờ thì ngày hôm sau";Miễn lệ phí;Tờ khai đăng ký khai sinh|Giấy chứng sinh;https://dvc.example.gov.vn/tthc?ma=1.001193.H38',
  '1.004884.H38;Đăng ký lại khai sinh;Hộ tịch;Ủy ban nhân dân cấp xã;05 ngày làm việc;Theo quy định;"Tờ khai đăng ký lại khai sinh|Bản sao',
  'Giấy khai sinh cũ";',
  '2.000815.000.00.00.H38;Chứng thực bản sao từ bản chính;Chứng thực;Ủy ban nhân dân cấp xã;Trong ngày;2.000 đồng/trang;Bản chính giấy tờ;',
  ';Không mã;Hộ tịch;;;;;',
  'ABC;Mã sai;Hộ tịch;;;;;',
  '1.001193.H38;Đăng ký khai sinh (lần nữa);Hộ tịch;;;;;',
].join('\r\n');

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('the procedure catalogue (%s)', (kind) => {
  const it = STORES[kind];

  it('imported (CSV, then JSON), searched without diacritics, read, printed', async ({ agent }) => {
    const url = agent.url;
    // Nothing imported yet: the kiosk's home does not offer "Tra cứu thủ tục".
    expect((await getJson<KioskInfo>(`${url}/api/kiosk`)).body.procedures).toBe(false);
    // Only staff import, and an integration token only with the `procedures` scope.
    expect((await postJson<ErrorBody>(`${url}/api/procedures/import`, { csv: CSV })).status).toBe(401);
    expect((await postJson<ErrorBody>(`${url}/api/procedures/import`, { csv: CSV }, OTHER_SCOPE)).body.error.code).toBe('TOKEN_SCOPE');

    const imported = await postJson<ProcedureImportResponse>(`${url}/api/procedures/import`, { csv: CSV }, SCOPED);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(3);
    expect(imported.body.refused).toEqual([
      { line: 6, reason: 'thiếu mã thủ tục' },
      { line: 7, reason: expect.stringContaining('không đúng dạng') },
      { line: 8, reason: expect.stringContaining('trùng với dòng 2') },
    ]);
    expect(imported.body.fieldsWithoutService).toEqual(['Chứng thực']);
    expect((await getJson<KioskInfo>(`${url}/api/kiosk`)).body.procedures).toBe(true);

    // JSON: a new one, one updated by code, one refused.
    const json = await postJson<ProcedureImportResponse>(
      `${url}/api/procedures/import`,
      {
        procedures: [
          { code: '1.000894.H38', name: 'Đăng ký kết hôn', field: 'Hộ tịch', agency: 'UBND cấp xã', timeLimit: 'Trong ngày', fee: 'Miễn', documents: ['Tờ khai đăng ký kết hôn'], url: null },
          { code: '2.000815.000.00.00.H38', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', agency: 'UBND cấp xã', timeLimit: 'Trong ngày', fee: '2.000 đồng/trang', documents: ['Bản chính', 'Bản sao'] },
          { code: '1.000656.H38', field: 'Hộ tịch' },
        ],
      },
      STAFF,
    );
    expect([json.status, json.body.imported, json.body.refused]).toEqual([200, 2, [{ line: 3, reason: 'thiếu tên thủ tục' }]]);

    // No words: the first page and every field with its count.
    const all = (await getJson<ProcedureList>(`${url}/api/procedures`)).body;
    expect(all.total).toBe(4);
    expect(all.fields).toEqual([
      { name: 'Chứng thực', count: 1 },
      { name: 'Hộ tịch', count: 3 },
    ]);
    // Without diacritics, any case: the name starting with the words first, then names holding them.
    const search = async (q: string, more = '') => (await getJson<ProcedureList>(`${url}/api/procedures?q=${encodeURIComponent(q)}${more}`)).body;
    const found = await search('DANG KY khai sinh');
    expect(found.procedures.map((p) => p.code)).toEqual(['1.001193.H38', '1.004884.H38']);
    expect(found.fields).toEqual([]);
    expect((await search('chung thuc')).procedures.map((p) => p.name)).toEqual(['Chứng thực bản sao từ bản chính giấy tờ, văn bản']);
    // A word only in the papers finds the procedure too; đ folds to d.
    expect((await search('giay khai sinh cu')).procedures.map((p) => p.code)).toEqual(['1.004884.H38']);
    expect((await search('dang ky', `&field=${encodeURIComponent('Hộ tịch')}&limit=2`)).procedures.map((p) => p.name)).toEqual(['Đăng ký kết hôn', 'Đăng ký khai sinh']);
    expect((await search('khong co thu tuc nay')).total).toBe(0);

    // One procedure: papers, time limit, fee, page, and where to submit (its field's service and counters).
    const detail = await getJson<ProcedureDetail>(`${url}/api/procedures/1.001193.h38`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      code: '1.001193.H38',
      documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'],
      timeLimit: 'Trong ngày; sau 15 giờ thì ngày hôm sau',
      fee: 'Miễn lệ phí',
      url: 'https://dvc.example.gov.vn/tthc?ma=1.001193.H38',
      service: { id: 'tu-phap', counters: [{ id: '1' }, { id: '2' }] },
    });
    expect((await getJson<ProcedureDetail>(`${url}/api/procedures/2.000815.000.00.00.H38`)).body.service).toBeNull();
    const missing = await getJson<ErrorBody>(`${url}/api/procedures/1.999999.H38`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PROCEDURE_NOT_FOUND']);

    // Printed on the ticket printer: the papers, decoded at the simulated printer.
    const printed = await postJson<{ printed: boolean }>(`${url}/api/procedures/1.004884.H38/print`, {});
    expect([printed.status, printed.body]).toEqual([200, { printed: true }]);
    const job = agent.simulators.printer!.jobs.at(-1)!;
    const text = job.decoded.text.normalize('NFC').replace(/\s+/g, ' ');
    for (const s of ['GIẤY TỜ CẦN MANG THEO', 'Đăng ký lại khai sinh', '1. Tờ khai đăng ký lại khai sinh', '2. Bản sao Giấy khai sinh cũ', 'Nộp hồ sơ: Tư pháp – Hộ tịch']) expect(text).toContain(s);
    expect((await postJson<ErrorBody>(`${url}/api/procedures/1.999999.H38/print`, {})).body.error.code).toBe('PROCEDURE_NOT_FOUND');
  });
});
