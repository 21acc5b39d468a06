import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../../kiosk-agent/src/devices/printer/wrap-text';

describe('wrapText', () => {
  it('wraps at word boundaries and counts Vietnamese letters once each', () => {
    const nfd = 'Trung tâm Phục vụ hành chính công'.normalize('NFD');
    const lines = wrapText(nfd, 16);
    expect(lines).toEqual(['Trung tâm Phục', 'vụ hành chính', 'công']);
    expect(lines.every((l) => [...l].length <= 16)).toBe(true);
  });

  it('cuts words longer than a line and keeps empty input as one empty line', () => {
    expect(wrapText('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(wrapText('', 10)).toEqual(['']);
  });
});
