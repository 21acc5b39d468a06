import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { clipFile, guidanceClips } from '../../kiosk-ui/src/speech/guidance-clips';

describe('spoken guidance clips', () => {
  it('has a clip for every guidance sentence of both languages, none for the button label', () => {
    const clips = guidanceClips(CATALOGUES);
    const sentences = Object.keys(CATALOGUES.vi.guide).length - 1;
    expect(clips).toHaveLength(sentences * 2);
    expect(clips.map((c) => c.text)).not.toContain(CATALOGUES.vi.guide.replay);
    expect(new Set(clips.map((c) => c.file)).size).toBe(clips.length);
  });

  it('names a clip by its language and exact text, so a reworded sentence gets a new clip', () => {
    expect(clipFile('vi', 'Xin chào')).toBe(clipFile('vi', 'Xin chào'));
    expect(clipFile('vi', 'Xin chào')).not.toBe(clipFile('vi', 'Xin chào!'));
    expect(clipFile('en', 'Hello')).toMatch(/^en-[0-9a-f]{8}\.wav$/);
  });
});
