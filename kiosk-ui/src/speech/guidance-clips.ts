/**
 * Which spoken-guidance sentences exist (pure, shared by the build script and the kiosk): every `guide` string of
 * every catalogue except the button label, with a stable file name per language and text, so a changed sentence
 * gets a new clip and an unchanged one is not regenerated.
 */
import type { Catalogue, Language } from '../i18n/catalogue';

export interface GuidanceClip {
  lang: Language;
  text: string;
  file: string;
}

/** FNV-1a of the text: short, stable, no crypto needed in the browser. */
export function clipFile(lang: Language, text: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${lang}:${text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${lang}-${h.toString(16).padStart(8, '0')}.wav`;
}

export function guidanceClips(catalogues: Record<Language, Catalogue>): GuidanceClip[] {
  return (Object.keys(catalogues) as Language[]).flatMap((lang) =>
    Object.entries(catalogues[lang].guide)
      .filter(([key]) => key !== 'replay')
      .map(([, text]) => ({ lang, text, file: clipFile(lang, text) })),
  );
}
