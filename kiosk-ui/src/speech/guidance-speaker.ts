/**
 * Speaks a screen's guidance (IO): with the browser's speech voice for the language (vi-VN, en) when one is
 * installed, otherwise with the clip espeak-ng made of that sentence at build time (/voice/guide/), otherwise not
 * at all — the same words are on the screen. A new sentence cuts the previous one off.
 */
import type { Language } from '../i18n/catalogue';
import { clipFile } from './guidance-clips';
import { speechVoice } from './speech-voice';

const BASE = '/voice/guide/';
let manifest: Promise<Set<string>> | null = null;
let playing: HTMLAudioElement | null = null;

function available(): Promise<Set<string>> {
  manifest ??= fetch(`${BASE}manifest.json`)
    .then(async (res) => (res.ok ? new Set(((await res.json()) as { files: string[] }).files) : new Set<string>()))
    .catch(() => new Set<string>());
  return manifest;
}

export function stopGuidance(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  playing?.pause();
  playing = null;
}

export async function speakGuidance(text: string, lang: Language): Promise<void> {
  stopGuidance();
  const voice = speechVoice(lang);
  if (voice) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.95;
    speechSynthesis.speak(utterance);
    return;
  }
  const file = clipFile(lang, text);
  if (!(await available()).has(file)) return;
  const audio = new Audio(`${BASE}${file}`);
  playing = audio;
  audio.dataset.guidance = text;
  await audio.play().catch(() => undefined); // no audio device, or sound not yet allowed: the screen says it
}

/** What the speaker is saying now (for the replay button's state and for tests). */
export function currentGuidance(): string | null {
  return playing && !playing.paused ? (playing.dataset.guidance ?? null) : null;
}
