/**
 * Says an announcement out loud (IO). A chime first, so heads turn, then the sentence:
 * 1. browser speech synthesis, if a Vietnamese (vi-VN) voice is installed;
 * 2. otherwise the clips generated at build time by espeak-ng (/voice/vi/manifest.json), played back to back;
 * 3. otherwise the chime alone — the sentence is on the screen in any case.
 * Resolves when it has finished speaking, so the display's queue never lets two announcements overlap.
 */
import { playTones } from '../../ui/sound-cue';
import { speechVoice } from '../../speech/speech-voice';
import type { Announcement } from './announcement';

export type VoiceMode = 'speech' | 'clips' | 'chime';

export interface Announcer {
  announce(a: Announcement): Promise<void>;
  /** Which of the three ways it will speak (shown to technicians on the display's status line). */
  mode(): VoiceMode;
  /** Browsers keep audio off until someone touches the page (unless started with an autoplay policy flag). */
  needsGesture(): boolean;
  unlock(): Promise<void>;
}

interface Manifest {
  clips: Record<string, string>;
}

/** Start and end (seconds) of the audible part of a clip, with a little air kept around the words. */
export function audibleRange(samples: Float32Array, sampleRate: number, threshold = 0.02, padSeconds = 0.04): [number, number] {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < threshold) first += 1;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < threshold) last -= 1;
  if (first >= samples.length) return [0, samples.length / sampleRate];
  return [Math.max(0, first / sampleRate - padSeconds), Math.min(samples.length / sampleRate, (last + 1) / sampleRate + padSeconds)];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createAnnouncer(options: { clipsBase?: string; lang?: string } = {}): Announcer {
  const base = options.clipsBase ?? '/voice/vi/';
  const lang = options.lang ?? 'vi-VN';
  let audio: AudioContext | null = null;
  let manifest: Manifest | null = null;
  const buffers = new Map<string, Promise<AudioBuffer | null>>();

  const context = (): AudioContext | null => {
    try {
      audio ??= new AudioContext();
      return audio;
    } catch {
      return null;
    }
  };

  const vietnameseVoice = (): SpeechSynthesisVoice | null => speechVoice(lang);

  // Voices load asynchronously in Chromium; asking once early lets them arrive before the first call.
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
  const manifestReady = fetch(`${base}manifest.json`)
    .then(async (res) => (res.ok ? ((await res.json()) as Manifest) : null))
    .then((m) => (manifest = m && typeof m.clips === 'object' ? m : null))
    .catch(() => null);

  const clip = (id: string): Promise<AudioBuffer | null> => {
    const file = manifest?.clips[id];
    const ctx = context();
    if (!file || !ctx) return Promise.resolve(null);
    let pending = buffers.get(id);
    if (!pending) {
      pending = fetch(`${base}${file}`)
        .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))
        .then((bytes) => ctx.decodeAudioData(bytes))
        .catch(() => null);
      buffers.set(id, pending);
    }
    return pending;
  };

  const play = (buffer: AudioBuffer): Promise<void> =>
    new Promise((resolve) => {
      const ctx = context();
      if (!ctx) return resolve();
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      source.onended = () => resolve();
      // espeak-ng pads each clip with silence; played back to back that sounds halting, so play the audible part.
      const [from, to] = audibleRange(buffer.getChannelData(0), buffer.sampleRate);
      source.start(0, from, Math.max(0.05, to - from));
    });

  const chime = async (): Promise<void> => {
    const ctx = context();
    if (!ctx) return;
    const seconds = playTones(ctx, [659, 523, 784], 0.25, 0.35);
    await sleep(seconds * 1000 + 200);
  };

  const speak = (text: string, voice: SpeechSynthesisVoice): Promise<void> =>
    new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      utterance.rate = 0.9;
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      speechSynthesis.speak(utterance);
    });

  const mode = (): VoiceMode => (vietnameseVoice() ? 'speech' : manifest && Object.keys(manifest.clips).length > 0 ? 'clips' : 'chime');

  return {
    mode,
    needsGesture: () => context()?.state === 'suspended',
    unlock: async () => {
      await context()?.resume();
    },
    async announce(a) {
      await manifestReady;
      // Audio still locked (nobody touched the TV yet): show the sentence for a moment instead of hanging.
      if (context()?.state === 'suspended') return sleep(3_000);
      await chime();
      const voice = vietnameseVoice();
      if (voice) return speak(a.speech, voice);
      const buffers = await Promise.all(a.clips.map(clip));
      if (buffers.some((b) => b === null)) return; // a clip is missing: the chime and the screen have to do
      for (const b of buffers) await play(b!);
    },
  };
}
