/** Word wrap for fixed-width printer fonts; counts user-perceived letters (NFC), not UTF-16 units or bytes. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const chunks = [...word].length > width ? chunk(word, width) : [word];
    for (const piece of chunks) {
      const candidate = current ? `${current} ${piece}` : piece;
      if ([...candidate].length <= width) current = candidate;
      else {
        if (current) lines.push(current);
        current = piece;
      }
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

function chunk(word: string, width: number): string[] {
  const letters = [...word];
  const out: string[] = [];
  for (let i = 0; i < letters.length; i += width) out.push(letters.slice(i, i + width).join(''));
  return out;
}
