import { useT } from '../i18n/i18n';

export function PlaceholderPage() {
  const t = useT();
  return (
    <main className="placeholder">
      <h1>{t.placeholder.heading}</h1>
      <p>{t.placeholder.body}</p>
    </main>
  );
}
