/**
 * Links between the staff pages, in each one's header: an officer at a counter PC reaches the fees desk or the
 * statistics without typing an address. Every page is listed for every officer: the supervisors' pages say
 * themselves when the one signed in is not a supervisor, so the links need not know the role. From the counter
 * console the links open a new tab (`newTab`), so the console keeps following its counter's calls.
 */
import { useT } from '../i18n/i18n';

export type StaffPage = 'payments' | 'stats' | 'quality' | 'staff';

const PAGES: readonly { page: StaffPage; href: string }[] = [
  { page: 'payments', href: '/payments' },
  { page: 'stats', href: '/stats' },
  { page: 'quality', href: '/reports/service-quality' },
  { page: 'staff', href: '/admin/staff' },
];

export function StaffNav({ current, newTab = false }: { current?: StaffPage; newTab?: boolean }) {
  const t = useT().staffNav;
  return (
    <nav className="staff-nav" aria-label={t.label}>
      {PAGES.filter((p) => p.page !== current).map((p) => (
        <a key={p.page} className="staff-nav__link" href={p.href} {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}>
          {t[p.page]}
          {newTab ? <span className="staff-nav__hint"> {t.newTab}</span> : null}
        </a>
      ))}
    </nav>
  );
}
