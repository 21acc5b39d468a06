/**
 * On-screen keys: every key a real button at least 64 px square, named for screen readers, grouped so a
 * wheelchair user's reach is not needed above the keys themselves. Used for the dossier code and the pickup code.
 */
export function KeyGrid(props: { label: string; rows: string[][]; onKey: (key: string) => void; keyLabel?: (key: string) => string; className?: string }) {
  return (
    <div className={`key-grid ${props.className ?? ''}`} role="group" aria-label={props.label}>
      {props.rows.map((row, i) => (
        <div key={i} className="key-grid__row">
          {row.map((key) => (
            <button key={key} type="button" className="key-grid__key" aria-label={props.keyLabel?.(key)} onClick={() => props.onKey(key)}>
              {key}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * A phone-style keypad's rows: 1–9 in threes, then the delete key and 0 sharing the last row, so the keypad stays
 * within reach and on screen. The delete key is named in the visitor's language.
 */
export function digitRows(deleteLabel: string): string[][] {
  return [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], [deleteLabel, '0']];
}
