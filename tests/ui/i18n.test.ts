import { describe, expect, it } from 'vitest';
import { en } from '../../kiosk-ui/src/i18n/en';
import { vi } from '../../kiosk-ui/src/i18n/vi';

type Tree = { [k: string]: unknown };

function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as Tree, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

describe('i18n catalogues', () => {
  it('vi and en have exactly the same keys', () => {
    expect(leaves(en).map(([k]) => k).sort()).toEqual(leaves(vi).map(([k]) => k).sort());
  });

  it('has no empty strings, and formatters produce text for sample values', () => {
    for (const cat of [vi, en]) {
      for (const [key, value] of leaves(cat as unknown as Tree)) {
        const text = typeof value === 'function' ? (value as (a: unknown) => string)(typeof value === 'function' && key.includes('numberLabel') ? 'A012' : 3) : value;
        expect(typeof text, key).toBe('string');
        expect((text as string).trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  it('speaks Vietnamese by default, with the plain words of the one-stop desk', () => {
    expect(vi.home.takeTicket).toBe('Lấy số thứ tự');
    expect(vi.home.collectResult).toBe('Nhận kết quả');
    expect(vi.priority.heading).toBe('Bạn thuộc đối tượng ưu tiên?');
    expect(vi.ticket.yourNumber).toBe('Số của bạn');
  });
});
