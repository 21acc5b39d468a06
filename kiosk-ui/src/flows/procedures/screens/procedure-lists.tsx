/**
 * The two lists of the search screen, one page each: the catalogue's fields as tiles (name and number of
 * procedures; a touch lists that field), and the procedures found as rows (name, field and code; a touch opens it).
 */
import type { ProcedureList as Found } from '../../../../../shared/procedure-schemas';
import { useT } from '../../../i18n/i18n';
import type { ProceduresEvent } from '../procedures.machine';

type Send = (event: ProceduresEvent) => void;

export function FieldList({ fields, send }: { fields: Found['fields']; send: Send }) {
  const t = useT().procedures;
  return (
    <ul className="procedures__fields">
      {fields.map((f) => (
        <li key={f.name}>
          <button type="button" className="field-tile" onClick={() => send({ type: 'procedures.field', field: f.name })}>
            <span className="field-tile__name">{f.name || t.otherField}</span>
            <span className="field-tile__count">{t.fieldCount(f.count)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ProcedureList({ procedures, send }: { procedures: Found['procedures']; send: Send }) {
  const t = useT().procedures;
  return (
    <ul className="procedures__list">
      {procedures.map((p) => (
        <li key={p.code}>
          <button type="button" className="procedure-row" onClick={() => send({ type: 'procedures.open', code: p.code })}>
            <span className="procedure-row__name">{p.name}</span>
            <span className="procedure-row__meta">
              {p.field || t.otherField} · {p.code}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
