/**
 * What a lobby screen may show of a person (pure): the family name, then each other name as its first letter and
 * one star per remaining letter ("Nguyễn Văn An" → "Nguyễn V** A*"); a phone as its first and last two digits.
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return maskWord(words[0]!);
  return [words[0]!, ...words.slice(1).map(maskWord)].join(' ');
}

function maskWord(word: string): string {
  const letters = [...word];
  return letters[0]! + '*'.repeat(letters.length - 1);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}
