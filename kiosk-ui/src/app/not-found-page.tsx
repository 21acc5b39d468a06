/** Any address that is not one of the UI's pages: says so and lists the pages there are. */
import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <main className="not-found">
      <h1>{t.notFound.heading}</h1>
      <p>{t.notFound.body}</p>
    </main>
  );
}
