/**
 * Generates the lobby display's fallback voice: one WAV clip per spoken piece (the intro, "đến quầy số", digits,
 * letters, number words), with espeak-ng's Vietnamese voice, into kiosk-ui/public/voice/vi/ with a manifest the
 * display reads. Run by `npm run build:ui` before vite copies public/ into the build. A display whose browser has
 * a vi-VN speech voice does not need them. Without espeak-ng (`apt-get install espeak-ng`) it writes an empty
 * manifest and says so: the display then plays a chime and shows the sentence.
 * Clips are regenerated only when their text changes (the manifest keeps each clip's text).
 * It also speaks the kiosk's per-screen guidance sentences (every catalogue's `guide` section, Vietnamese and
 * English) into kiosk-ui/public/voice/guide/, for kiosks whose browser has no speech voice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voiceClips } from '../kiosk-ui/src/flows/lobby-display/announcement';
import { CATALOGUES } from '../kiosk-ui/src/i18n/i18n';
import { guidanceClips } from '../kiosk-ui/src/speech/guidance-clips';

const outDir = fileURLToPath(new URL('../kiosk-ui/public/voice/vi/', import.meta.url));
const manifestPath = join(outDir, 'manifest.json');

interface Manifest {
  voice: string;
  clips: Record<string, string>;
  texts: Record<string, string>;
}

function hasEspeak(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function previous(): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

mkdirSync(outDir, { recursive: true });
if (!hasEspeak()) {
  writeFileSync(manifestPath, JSON.stringify({ voice: 'none', clips: {}, texts: {} }, null, 2));
  console.warn('voice clips: espeak-ng not found; the lobby display will chime and show calls without a fallback voice (apt-get install espeak-ng).');
} else {
  const old = previous();
  const manifest: Manifest = { voice: 'espeak-ng vi', clips: {}, texts: {} };
  let made = 0;
  for (const [id, text] of Object.entries(voiceClips())) {
    const file = `${id}.wav`;
    const path = join(outDir, file);
    if (!(old?.texts[id] === text && existsSync(path))) {
      // -s words per minute: a little slower than default, for a hall with echo; -a amplitude.
      execFileSync('espeak-ng', ['-v', 'vi', '-s', '140', '-a', '180', '-w', path, text]);
      made += 1;
    }
    manifest.clips[id] = file;
    manifest.texts[id] = text;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  console.log(`voice clips: ${Object.keys(manifest.clips).length} in kiosk-ui/public/voice/vi (${made} generated)`);
}

const guideDir = fileURLToPath(new URL('../kiosk-ui/public/voice/guide/', import.meta.url));
mkdirSync(guideDir, { recursive: true });
if (!hasEspeak()) {
  writeFileSync(join(guideDir, 'manifest.json'), JSON.stringify({ files: [] }));
} else {
  const clips = guidanceClips(CATALOGUES);
  let made = 0;
  for (const clip of clips) {
    const path = join(guideDir, clip.file);
    if (existsSync(path)) continue; // the name is a hash of the language and the text
    execFileSync('espeak-ng', ['-v', clip.lang === 'vi' ? 'vi' : 'en', '-s', '145', '-a', '180', '-w', path, clip.text]);
    made += 1;
  }
  writeFileSync(join(guideDir, 'manifest.json'), JSON.stringify({ files: clips.map((c) => c.file) }, null, 2));
  console.log(`guidance clips: ${clips.length} in kiosk-ui/public/voice/guide (${made} generated)`);
}
