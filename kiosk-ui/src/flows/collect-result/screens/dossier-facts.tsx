/** The dossier as the citizen may see it (applicant and phone masked by the agent). */
import type { DossierLookup } from '../../../../../shared/dossier-schemas';
import { useLang, useT } from '../../../i18n/i18n';

export function formatDueDate(isoDate: string, lang: 'vi' | 'en'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export function DossierFacts({ dossier }: { dossier: DossierLookup }) {
  const t = useT();
  const lang = useLang();
  const rows: [string, string][] = [
    [t.pickup.facts.code, dossier.code],
    [t.pickup.facts.procedure, dossier.procedure],
    [t.pickup.facts.applicant, dossier.applicant],
    [t.pickup.facts.dueDate, formatDueDate(dossier.dueDate, lang)],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
