import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crcHex, parseTlv, parseVietQr, tlv, vietQrPayload } from '../../shared/vietqr';
import { dossierCodeOfReference, paymentReferenceOf } from '../../shared/payment-reference';

describe('VietQR payloads', () => {
  it('CRC-16/CCITT-FALSE has its catalogued check value', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crcHex('123456789')).toBe('29B1');
    expect(crcHex('')).toBe('FFFF'); // init, nothing shifted through
  });

  it('reproduces a published VietQR payload byte for byte (github.com/subiz/vietqr README: 120 000 VND to VietinBank 0011001932418)', () => {
    const published =
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(vietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: 120_000, purpose: 'ung ho lu lut' })).toBe(published);
    const parsed = parseVietQr(published);
    expect(parsed).toMatchObject({ initiation: '12', bankBin: '970415', accountNumber: '0011001932418', service: 'QRIBFTTA', currency: '704', amount: 120_000, country: 'VN', crc: 'C15C', crcValid: true });
  });

  it('a hand-built payload: every TLV length counted by hand, the CRC over everything up to and including "6304"', () => {
    const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1234567890', amount: 50_000, purpose: 'HS0000015H292507040012' });
    const beneficiary = '0006970436' + '01101234567890'; // 00 06 + 6 digits; 01 10 + 10 digits = 24
    const merchant = '0010A000000727' + '0124' + beneficiary + '0208QRIBFTTA'; // 14 + 28 + 12 = 54
    const body = '000201' + '010212' + '3854' + merchant + '5303704' + '540550000' + '5802VN' + '6226' + '0822HS0000015H292507040012';
    expect(beneficiary.length).toBe(24);
    expect(merchant.length).toBe(54);
    expect(payload.slice(0, -4)).toBe(`${body}6304`);
    expect(payload.slice(-4)).toBe(crcHex(`${body}6304`));
    // Each level's lengths add up to what its parent says.
    const root = parseTlv(payload);
    expect(root.map((o) => o.tag)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    for (const o of root) expect(payload).toContain(`${o.tag}${String(o.value.length).padStart(2, '0')}${o.value}`);
    expect(parseTlv(root.find((o) => o.tag === '38')!.value).map((o) => [o.tag, o.value.length])).toEqual([['00', 10], ['01', 24], ['02', 8]]);
  });

  it('round-trips: what is encoded parses back, and a changed character breaks the CRC', () => {
    const payload = vietQrPayload({ bankBin: '970418', accountNumber: '21510000123456', amount: 1_250_000, purpose: 'HS0000015H292507040012' });
    const parsed = parseVietQr(payload);
    expect(parsed).toMatchObject({ initiation: '12', bankBin: '970418', accountNumber: '21510000123456', amount: 1_250_000, purpose: 'HS0000015H292507040012', crcValid: true });
    expect(parseVietQr(payload.replace('1250000', '1250001')).crcValid).toBe(false);
  });

  it('refuses what a bank would mangle or the format cannot carry', () => {
    const ok = { bankBin: '970415', accountNumber: '0011001932418', amount: 1000, purpose: 'HS1' };
    expect(() => vietQrPayload({ ...ok, amount: 0 })).toThrow();
    expect(() => vietQrPayload({ ...ok, amount: 10.5 })).toThrow();
    expect(() => vietQrPayload({ ...ok, purpose: '000.00.15.H29-250704-0012' })).toThrow(); // dots and dashes
    expect(() => vietQrPayload({ ...ok, bankBin: '97041' })).toThrow();
    expect(() => tlv('38', 'x'.repeat(100))).toThrow();
  });
});

describe('payment references', () => {
  it('"HS" + the code without separators, and back — alone, as the code, or inside a bank’s content line', () => {
    const ref = paymentReferenceOf('000.00.15.H29-250704-0012');
    expect(ref).toBe('HS0000015H292507040012');
    expect(ref.length).toBeLessThanOrEqual(25);
    expect(dossierCodeOfReference(ref)).toBe('000.00.15.H29-250704-0012');
    expect(dossierCodeOfReference('000.00.15.H29-250704-0012')).toBe('000.00.15.H29-250704-0012');
    expect(dossierCodeOfReference('MBVCB.3301234.hs0000015h292507040012.CT tu NGUYEN VAN AN')).toBe('000.00.15.H29-250704-0012');
    expect(dossierCodeOfReference('HS 000 00 15 H29 250704 0012')).toBe('000.00.15.H29-250704-0012');
    expect(dossierCodeOfReference('tien hoc phi')).toBeUndefined();
    expect(dossierCodeOfReference('HS0000015H292513400012')).toBeUndefined(); // no 34th month
  });
});
