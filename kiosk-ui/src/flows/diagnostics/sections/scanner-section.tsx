/** The scanner: its state and the last frames it sent, accepted or refused, in hex. */
import { useT } from '../../../i18n/i18n';
import { DeviceCard } from './device-card';
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function ScannerSection({ data }: Pick<SectionProps<DataOf<'scanner'>>, 'data'>) {
  const t = useT();
  return (
    <>
      <DeviceCard name={t.diag.device.scanner} d={data.status} />
      <p>{t.diag.scannerHint}</p>
      {data.recent.length === 0 ? <p>{t.diag.noScans}</p> : null}
      <ul className="diag__frames">
        {data.recent.map((f, i) => (
          <li key={`${f.at}-${i}`}>
            <strong>{f.accepted ? t.diag.accepted : t.diag.refused}</strong> {f.code ?? f.reason} <code>{f.hex}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Asks why before a compartment opens: the reason goes to the audit trail (at least 3 characters). */
