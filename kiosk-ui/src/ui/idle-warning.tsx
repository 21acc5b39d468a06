/** "Cần thêm thời gian?": shown over the screen before an idle session ends; one touch keeps everything as it was. */
import { useT } from '../i18n/i18n';
import { useSpokenGuidance } from './use-spoken-guidance';
import { CountdownBar } from './countdown-bar';

export function IdleWarning(props: { ms: number; onExtend: () => void }) {
  const t = useT();
  useSpokenGuidance(t.guide.idle);
  return (
    <div className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-question" aria-describedby="idle-hint">
      <div className="idle-warning__box">
        <h2 id="idle-question">{t.idle.question}</h2>
        <p id="idle-hint">{t.idle.hint}</p>
        <CountdownBar ms={props.ms} label={t.idle.hint} />
        <button type="button" className="big-button big-button--primary idle-warning__extend" onClick={props.onExtend} autoFocus>
          <span className="big-button__label">{t.idle.extend}</span>
        </button>
      </div>
    </div>
  );
}
