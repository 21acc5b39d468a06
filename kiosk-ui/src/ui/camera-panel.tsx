/** The camera's picture while it scans (html5-qrcode draws into #kiosk-camera), or why it could not open. */
import { useT } from '../i18n/i18n';

export const CAMERA_ELEMENT_ID = 'kiosk-camera';

export function CameraPanel(props: { error: string | null; onClose: () => void }) {
  const t = useT();
  const errors = t.camera as Record<string, string>;
  return (
    <div className="camera-panel" role="dialog" aria-modal="true" aria-labelledby="camera-title">
      <div className="camera-panel__box">
        <h2 id="camera-title">{t.camera.title}</h2>
        {props.error ? (
          <p className="camera-panel__error" role="alert">{errors[props.error] ?? t.camera.CAMERA_UNAVAILABLE}</p>
        ) : (
          <div id={CAMERA_ELEMENT_ID} className="camera-panel__view" aria-label={t.camera.starting} />
        )}
        <button type="button" className="big-button big-button--quiet" onClick={props.onClose}>
          <span className="big-button__label">{t.camera.close}</span>
        </button>
      </div>
    </div>
  );
}
