/**
 * Short chimes (Web Audio, no file to load). `playChime` is the cue that a compartment has opened, so a citizen who
 * has turned towards the lockers hears which moment to look for; the lobby display plays its own three notes
 * before each call with `playTones`. Silently does nothing where audio is unavailable.
 */
let context: AudioContext | null = null;

/** Plays the notes one after another on `ctx`; returns how long it lasts, in seconds. */
export function playTones(ctx: AudioContext, freqs: readonly number[], stepSeconds: number, peak = 0.4): number {
  const now = ctx.currentTime;
  for (const [i, freq] of freqs.entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const start = now + i * stepSeconds;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.55);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.6);
  }
  return (freqs.length - 1) * stepSeconds + 0.6;
}

export function playChime(): void {
  try {
    context ??= new AudioContext();
    playTones(context, [880, 1175], 0.18);
  } catch {
    // No audio device (a kiosk without speakers, a test browser): the screen still shows the compartment.
  }
}
