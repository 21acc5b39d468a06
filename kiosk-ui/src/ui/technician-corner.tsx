/**
 * The hidden way into technician mode: hold the attract screen's top-left corner for 3 seconds. A shorter touch
 * there is an ordinary touch (the visitor starts the kiosk as anywhere else). Invisible and out of the
 * accessibility tree: it is not for visitors, and the PIN guards what lies behind it. Leaving the kiosk page is
 * navigation, not agent IO, so it is done here.
 */
import { useRef } from 'react';

export const TECHNICIAN_HOLD_MS = 3_000;

export function TechnicianCorner({ onTap }: { onTap: () => void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const held = useRef(false);
  const cancel = () => clearTimeout(timer.current);
  return (
    <div
      className="technician-corner"
      aria-hidden="true"
      onPointerDown={() => {
        held.current = false;
        cancel();
        timer.current = setTimeout(() => {
          held.current = true;
          location.assign('/diagnostics');
        }, TECHNICIAN_HOLD_MS);
      }}
      onPointerUp={() => {
        cancel();
        if (!held.current) onTap();
      }}
      onPointerLeave={cancel}
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}
