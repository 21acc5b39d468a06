/** A bar that empties over `ms`: tells the citizen the screen will move on by itself, without a ticking number. */
export function CountdownBar({ ms, label }: { ms: number; label: string }) {
  return (
    <div className="countdown" role="timer" aria-label={label}>
      <div className="countdown__bar" style={{ animationDuration: `${ms}ms` }} />
    </div>
  );
}
