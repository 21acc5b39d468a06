import { describe, expect, it } from 'vitest';
import { parseDossierCode, parseSlipCode } from '../../shared/dossier-code';

describe('dossier codes on appointment slips', () => {
  it('reads a bare barcode, any case, trimmed', () => {
    expect(parseSlipCode(' 000.00.15.h29-250704-0012 ')).toEqual({
      ok: true,
      source: 'barcode',
      dossier: { code: '000.00.15.H29-250704-0012', agency: '000.00.15.H29', receivedOn: '2025-07-04', sequence: 12 },
    });
  });

  it('reads the lookup URL in a TT 01/2023 QR', () => {
    const r = parseSlipCode('https://dichvucong.example.gov.vn/tra-cuu?SGT=001234567890&MHS=000.00.15.H29-250704-0013');
    expect(r).toMatchObject({ ok: true, source: 'url', dossier: { code: '000.00.15.H29-250704-0013' } });
    expect(parseSlipCode('https://x.example/ho-so/000.00.15.H29-250704-0014/chi-tiet')).toMatchObject({ ok: true, dossier: { sequence: 14 } });
  });

  it('reads JSON QR payloads', () => {
    expect(parseSlipCode('{"maHoSo":"000.00.15.H29-250704-0015","maTTHC":"1.000948.H38","soCCCD":"001234567890"}')).toMatchObject({
      ok: true,
      source: 'json',
      dossier: { code: '000.00.15.H29-250704-0015' },
    });
  });

  it('never takes a procedure code for a dossier code', () => {
    expect(parseSlipCode('1.000948.H38')).toEqual({ ok: false, reason: 'procedure-code' });
    expect(parseSlipCode('2.001218.000.00.00.H38')).toEqual({ ok: false, reason: 'procedure-code' });
    expect(parseSlipCode('{"maTTHC":"1.000948.H38"}')).toEqual({ ok: false, reason: 'no-dossier-code' });
  });

  it('rejects impossible dates and things that are not slips', () => {
    expect(parseSlipCode('000.00.15.H29-251332-0012')).toEqual({ ok: false, reason: 'bad-date' });
    expect(parseSlipCode('hello')).toEqual({ ok: false, reason: 'no-dossier-code' });
    expect(parseSlipCode('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSlipCode('{not json')).toEqual({ ok: false, reason: 'no-dossier-code' });
    expect(parseSlipCode('https://x.example/?MHS=abc')).toEqual({ ok: false, reason: 'no-dossier-code' });
  });

  it('parseDossierCode accepts only the exact format', () => {
    expect(parseDossierCode('000.00.15.H29-250704-0012')?.code).toBe('000.00.15.H29-250704-0012');
    expect(parseDossierCode('x000.00.15.H29-250704-0012')).toBeUndefined();
  });
});
