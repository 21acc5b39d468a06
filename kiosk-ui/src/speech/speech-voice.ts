/** The browser's installed speech voice for a language ("vi", "en"), if any: the display and the guidance both ask. */
export function speechVoice(lang: string): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const wanted = lang.toLowerCase();
  const voices = speechSynthesis.getVoices();
  const tag = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  return voices.find((v) => tag(v) === wanted) ?? voices.find((v) => tag(v).startsWith(wanted.split('-')[0]!)) ?? null;
}
