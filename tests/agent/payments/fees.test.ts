/** The pure parts of fees by VietQR: the webhook's signature, the arithmetic of partial payments, the fees report. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyPayment, feesTotal, formatVnd, parseFees, standing } from '../../../kiosk-agent/src/payments/fee-arithmetic';
import { feeReportLines, feesToCsv } from '../../../kiosk-agent/src/payments/fees-report';
import { signatureMatches, signBody } from '../../../kiosk-agent/src/payments/webhook-signature';

const SECRET = 'bi-mat-webhook-0123456789';

describe('webhook signature', () => {
  const raw = Buffer.from('{"reference":"HS0000015H292507040012","amount":50000,"transactionId":"FT1","paidAt":"2026-11-22T09:05:00+07:00"}');
  const good = createHmac('sha256', SECRET).update(raw).digest('hex');

  it('is the hex HMAC-SHA256 of the exact bytes with the shared secret', () => {
    expect(signBody(SECRET, raw)).toBe(good);
    expect(signatureMatches(SECRET, raw, good)).toBe(true);
    expect(signatureMatches(SECRET, raw, good.toUpperCase())).toBe(true);
    expect(signatureMatches(SECRET, raw, `sha256=${good}`)).toBe(true);
  });

  it('refuses a missing, malformed or wrong signature, another secret, or other bytes (even the same JSON re-spaced)', () => {
    expect(signatureMatches(SECRET, raw, undefined)).toBe(false);
    expect(signatureMatches(SECRET, raw, ['a', 'b'])).toBe(false);
    expect(signatureMatches(SECRET, raw, 'zz')).toBe(false);
    expect(signatureMatches(SECRET, raw, good.slice(0, 63))).toBe(false);
    expect(signatureMatches(SECRET, raw, `${good.slice(0, 63)}${good[63] === '0' ? '1' : '0'}`)).toBe(false);
    expect(signatureMatches('another-secret-0123456789', raw, good)).toBe(false);
    const respaced = Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 1));
    expect(signatureMatches(SECRET, respaced, good)).toBe(false);
  });
});

describe('fee arithmetic', () => {
  const fees = [
    { name: 'Lệ phí', amount: 30_000 },
    { name: 'Phí', amount: 20_000 },
  ];

  it('totals, what is paid and what is due; never a negative due', () => {
    expect(feesTotal(fees)).toBe(50_000);
    expect(feesTotal(null)).toBe(0);
    expect(standing(fees, 0)).toEqual({ total: 50_000, paid: 0, due: 50_000 });
    expect(standing(fees, 20_000)).toEqual({ total: 50_000, paid: 20_000, due: 30_000 });
    expect(standing(fees, 60_000)).toEqual({ total: 50_000, paid: 60_000, due: 0 });
    expect(standing(null, 0).due).toBe(0);
  });

  it('a payment short, exact or over what was due', () => {
    expect(applyPayment(50_000, 20_000)).toEqual({ due: 30_000, excess: 0, outcome: 'short' });
    expect(applyPayment(30_000, 30_000)).toEqual({ due: 0, excess: 0, outcome: 'settled' });
    expect(applyPayment(30_000, 35_000)).toEqual({ due: 0, excess: 5_000, outcome: 'excess' });
    expect(applyPayment(0, 10_000)).toEqual({ due: 0, excess: 10_000, outcome: 'excess' });
    // Two short payments settle it: each applied to what the one before left.
    const first = applyPayment(50_000, 20_000);
    expect(applyPayment(first.due, 30_000).outcome).toBe('settled');
  });

  it('reads the stored fees, and nothing from a column it cannot read', () => {
    expect(parseFees(JSON.stringify(fees))).toEqual(fees);
    expect(parseFees(null)).toBeNull();
    expect(parseFees('not json')).toBeNull();
    expect(parseFees('[{"name":"x","amount":-1}]')).toBeNull();
  });

  it('formats dong as a Vietnamese slip writes them', () => {
    expect(formatVnd(50_000)).toBe('50.000 đ');
    expect(formatVnd(1_250_000)).toBe('1.250.000 đ');
    expect(formatVnd(500)).toBe('500 đ');
  });
});

describe('fees report', () => {
  it('one line per day and procedure, bank and cash apart, a total; CSV for Excel', () => {
    const lines = feeReportLines([
      { day: '2026-11-22', procedure: 'Chứng thực', method: 'bank', count: 2, amount: 50_000 },
      { day: '2026-11-22', procedure: 'Chứng thực', method: 'cash', count: 1, amount: 30_000 },
      { day: '2026-11-23', procedure: null, method: 'bank', count: 1, amount: 10_000 },
    ]);
    expect(lines).toEqual([
      { day: '2026-11-22', procedure: 'Chứng thực', count: 3, bank: 50_000, cash: 30_000 },
      { day: '2026-11-23', procedure: '', count: 1, bank: 10_000, cash: 0 },
    ]);
    const csv = feesToCsv(lines);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Ngày,Thủ tục,Số khoản nộp,Chuyển khoản (đồng),Tiền mặt (đồng),Tổng (đồng)',
      '2026-11-22,Chứng thực,3,50000,30000,80000',
      '2026-11-23,,1,10000,0,10000',
      'Tổng cộng,,4,60000,30000,90000',
      '',
    ]);
  });
});
