/** The diagnostics audit trail, newest first. */
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function AuditSection({ data }: Pick<SectionProps<DataOf<'audit'>>, 'data'>) {
  return (
    <ul className="diag__audit">
      {data.map((e) => (
        <li key={e.id}>
          <code>{e.at}</code> {e.action} — {e.outcome} {e.detail ? <small>{JSON.stringify(e.detail)}</small> : null}
        </li>
      ))}
    </ul>
  );
}
