/** A device as the technician reads it: its state, its last error and what to check. */
import type { DeviceDiagnosis } from '../../../../../shared/diagnostics-schemas';
import { useT } from '../../../i18n/i18n';

export function DeviceCard({ name, d }: { name: string; d: DeviceDiagnosis }) {
  const t = useT();
  return (
    <section className="diag__card" data-state={d.state}>
      <h3>
        {name}: <span className="diag__state">{t.diag.state[d.state]}</span> <small>({d.driver})</small>
      </h3>
      {d.lastError ? <p>{t.diag.lastError}: {d.lastError}</p> : null}
      {d.advice.length > 0 ? (
        <>
          <p className="diag__check">{t.diag.check}:</p>
          <ul>{d.advice.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
