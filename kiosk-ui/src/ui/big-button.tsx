/** The kiosk's touch target: a real button, at least 64 px tall, with an optional second line of explanation. */
import type { ReactNode } from 'react';

export function BigButton(props: {
  label: string;
  hint?: string | undefined;
  onPress: () => void;
  variant?: 'primary' | 'secondary' | 'priority' | 'quiet';
  icon?: ReactNode;
}) {
  const { label, hint, onPress, variant = 'primary', icon } = props;
  return (
    <button type="button" className={`big-button big-button--${variant}`} onClick={onPress}>
      {icon ? <span className="big-button__icon" aria-hidden="true">{icon}</span> : null}
      <span className="big-button__text">
        <span className="big-button__label">{label}</span>
        {hint ? <span className="big-button__hint">{hint}</span> : null}
      </span>
    </button>
  );
}
