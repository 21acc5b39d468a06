import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../../kiosk-agent/src/pickup/masking';

describe('masking for the lobby screen', () => {
  it('keeps the family name and masks every other name letter by letter', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V** A*');
    expect(maskName('  Trần   Thị Ngọc   Ánh ')).toBe('Trần T** N*** Á**');
    expect(maskName('Nguyễn Văn An'.normalize('NFD'))).toBe('Nguyễn V** A*');
    expect(maskName('Lan')).toBe('L**');
    expect(maskName('')).toBe('');
  });

  it('shows only the first and last two digits of a phone', () => {
    expect(maskPhone('0912345678')).toBe('09******78');
    expect(maskPhone('+84 912 345 678')).toBe('84*******78');
    expect(maskPhone('123')).toBe('***');
  });
});
