import { describe, expect, it } from 'vitest';
import { RepeatFilter, ScanFramer, checkScan } from '../../../../kiosk-agent/src/devices/scanner/scan-framing';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (frames: Uint8Array[]) => frames.map((f) => new TextDecoder().decode(f));

describe('scan framing', () => {
  it('splits on CR, LF and CR LF, across chunks', () => {
    const cr = new ScanFramer('CR');
    expect(dec([...cr.push(enc('000.00.15.H29-2507')), ...cr.push(enc('04-0012\rABC\r'))])).toEqual(['000.00.15.H29-250704-0012', 'ABC']);
    const crlf = new ScanFramer('CRLF');
    expect(dec([...crlf.push(enc('ONE\r')), ...crlf.push(enc('\nTWO\r\n'))])).toEqual(['ONE', 'TWO']);
    const lf = new ScanFramer('LF');
    expect(dec(lf.push(enc('X1\nX2\n')))).toEqual(['X1', 'X2']);
  });

  it('a CR-configured framer ignores the LF of a CR LF scanner', () => {
    const f = new ScanFramer('CR');
    expect(dec(f.push(enc('A12\r\nB34\r\n')))).toEqual(['A12', 'B34']);
  });

  it('without a suffix, frames end on flush (the inter-byte timeout)', () => {
    const f = new ScanFramer('none');
    expect(f.push(enc('HS-0001'))).toEqual([]);
    expect(f.hasPending).toBe(true);
    expect(new TextDecoder().decode(f.flush())).toBe('HS-0001');
    expect(f.flush()).toBeUndefined();
  });

  it('accepts trimmed text codes, URLs with Vietnamese, and rejects garbage with a reason', () => {
    expect(checkScan(enc('  000.00.15.H29-250704-0012 '))).toEqual({ ok: true, code: '000.00.15.H29-250704-0012' });
    expect(checkScan(enc('https://dichvucong.example/tra-cuu?MHS=000.00.15.H29-250704-0012&ten=Nguyễn'))).toMatchObject({ ok: true });
    expect(checkScan(Uint8Array.of(0x41, 0x00, 0x42, 0x43))).toMatchObject({ ok: false, reason: 'not-text', rawHex: '41 00 42 43' });
    expect(checkScan(Uint8Array.of(0xff, 0xfe, 0x41, 0x42))).toMatchObject({ ok: false, reason: 'not-text' });
    expect(checkScan(enc('ab'))).toMatchObject({ ok: false, reason: 'too-short' });
    expect(checkScan(enc('x'.repeat(1025)))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkScan(enc('   '))).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('drops the same code repeated within 1.5 s, not a different code or a later repeat', () => {
    const r = new RepeatFilter(1500);
    expect(r.accept('A', 0)).toBe(true);
    expect(r.accept('A', 1000)).toBe(false);
    expect(r.accept('B', 1100)).toBe(true);
    expect(r.accept('B', 2700)).toBe(true);
  });
});
