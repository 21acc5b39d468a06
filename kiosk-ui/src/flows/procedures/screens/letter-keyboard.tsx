/**
 * The search keyboard: plain a–z (the agent folds diacritics, so they are enough), the Vietnamese letters with hats
 * and horns as a row of their own for those who want them, a space and a delete key. Every key a real button
 * (≥ 64 px, KeyGrid), named for screen readers where its face is not its name.
 */
import { useT } from '../../../i18n/i18n';
import { KeyGrid } from '../../../ui/key-grid';
import type { ProceduresEvent } from '../procedures.machine';

const LETTERS = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
  ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'],
];

export function LetterKeyboard({ send }: { send: (event: ProceduresEvent) => void }) {
  const t = useT().procedures;
  const rows = [...LETTERS, [t.space, t.delete]];
  return (
    <KeyGrid
      className="key-grid--letters"
      label={t.keyboard}
      rows={rows}
      keyLabel={(key) => (key === t.space ? t.spaceLabel : key === t.delete ? t.deleteLabel : undefined) as string}
      onKey={(key) => send(key === t.delete ? { type: 'procedures.delete' } : { type: 'procedures.key', key: key === t.space ? ' ' : key })}
    />
  );
}
