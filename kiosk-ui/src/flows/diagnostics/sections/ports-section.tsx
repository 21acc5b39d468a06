/** The serial ports the machine has, and whether the configured ones exist. */
import { useT } from '../../../i18n/i18n';
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function PortsSection({ data }: Pick<SectionProps<DataOf<'ports'>>, 'data'>) {
  const t = useT();
  return (
    <>
      <p>{t.diag.portsSource(data.source)}{data.note ? ` — ${data.note}` : ''}</p>
      {data.ports.length === 0 ? <p>{t.diag.noPorts}</p> : null}
      <ul>{data.ports.map((p) => <li key={p.path}><code>{p.byId ?? p.path}</code> {p.manufacturer ?? ''}</li>)}</ul>
      <h3>{t.diag.configured}</h3>
      <ul>{data.configured.map((c) => <li key={c.path}>{c.usedBy}: <code>{c.path}</code> — {c.present ? t.diag.present : t.diag.absent}</li>)}</ul>
    </>
  );
}
