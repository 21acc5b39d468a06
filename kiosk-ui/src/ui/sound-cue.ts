/**
 * A short two-note chime (Web Audio, no file to load): the cue that a compartment has opened, so a citizen who has
 * turned towards the lockers hears which moment to look for. Silently does nothing where audio is unavailable.
 */
let context: AudioContext | null = null;

export function playChime(): void {
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    for (const [i, freq] of [880, 1175].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = now + i * 0.18;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + 0.55);
    }
  } catch {
    // No audio device (a kiosk without speakers, a test browser): the screen still shows the compartment.
  }
}
