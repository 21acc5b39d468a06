/** The screen of the section on show, drawn only with that section's own data. */
import { useT } from '../../../i18n/i18n';
import type { DiagnosticsContext } from '../diagnostics.machine';
import { AuditSection } from './audit-section';
import { LockersSection } from './lockers-section';
import { LogSection } from './log-section';
import { OverviewSection } from './overview-section';
import { PortsSection } from './ports-section';
import { PrinterSection } from './printer-section';
import { ScannerSection } from './scanner-section';
import type { Send } from './section-props';

export function SectionView({ context, busy, send }: { context: DiagnosticsContext; busy: boolean; send: Send }) {
  const t = useT();
  const shown = context.data;
  if (shown === null || shown.section !== context.section) return busy ? <p>{t.diag.loading}</p> : null;
  const common = { context, busy, send };
  switch (shown.section) {
    case 'overview':
      return <OverviewSection data={shown.data} {...common} />;
    case 'printer':
      return <PrinterSection data={shown.data} {...common} />;
    case 'scanner':
      return <ScannerSection data={shown.data} />;
    case 'lockers':
      return <LockersSection data={shown.data} {...common} />;
    case 'ports':
      return <PortsSection data={shown.data} />;
    case 'log':
      return <LogSection data={shown.data} />;
    case 'audit':
      return <AuditSection data={shown.data} />;
  }
}
