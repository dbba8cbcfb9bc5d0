import { describe, expect, it } from '@jest/globals';
import { LocalMetadataEngine } from './local-metadata-engine.js';
import { collapseWhitespace, MAX_SUMMARY_CHARS, MAX_TAGS, MIN_TAGS, normalizeTag } from './metadata-output.js';
import { InsufficientContentError } from './provider-error.js';

const engine = new LocalMetadataEngine();

const PRODUCT = {
  title: 'Ceramic Brake Pads',
  content: 'Ceramic Brake Pads. Low-dust compound for quiet stops. Fits the front axle of 2015-2020 Ford F-150 trucks.',
};

const PROJECT = {
  title: 'Warehouse scanner rollout',
  content: [
    'Scope',
    'The warehouse team will replace the handheld barcode scanners in the Leeds distribution centre before the peak season.',
    'The new scanners read damaged labels and connect to the warehouse management system over the existing Wi-Fi network.',
    '- Pilot: twenty scanners on the returns line in March.',
    '- Rollout: all pick and pack stations by the end of May.',
    'Risks',
    'The warehouse management system needs a firmware update before the scanners can print shipping labels. If the update slips, the rollout moves to June and the pilot scanners stay on the returns line.',
    'Budget approval covers 140 scanners, spare batteries and charging cradles for every zone.',
  ].join('\n'),
};

const check = (input: { title: string; content: string }) => {
  const { summary, tags } = engine.extract(input);
  expect(summary.length).toBeGreaterThan(0);
  expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
  expect(tags.length).toBeGreaterThanOrEqual(MIN_TAGS);
  expect(tags.length).toBeLessThanOrEqual(MAX_TAGS);
  expect(new Set(tags).size).toBe(tags.length);
  for (const tag of tags) expect(tag).toBe(normalizeTag(tag));
  return { summary, tags };
};

describe('LocalMetadataEngine', () => {
  it('summarizes with whole sentences of the text, within 300 characters, in text order', () => {
    const { summary } = check(PROJECT);
    const text = collapseWhitespace(PROJECT.content);
    const sentences = summary.split(/(?<=[.!?])\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    let from = 0;
    for (const sentence of sentences) {
      const at = text.indexOf(sentence, from);
      expect(at).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
    // headings and list fragments are no summary sentences
    expect(summary).not.toMatch(/^Scope|Risks/);
  });

  it('tags a long text with keyphrases of it, normalized and de-duplicated', () => {
    const { tags } = check(PROJECT);
    expect(tags).toEqual(expect.arrayContaining(['warehouse management system']));
    expect(tags.some((t) => t.includes('scanner'))).toBe(true);
    const text = PROJECT.content.toLowerCase();
    for (const tag of tags) expect(text.includes(tag) || PROJECT.title.toLowerCase().includes(tag)).toBe(true);
  });

  it('still gives 3 tags for a short product text', () => {
    const { tags, summary } = check(PRODUCT);
    expect(tags).toContain('ceramic brake pads');
    const text = `${PRODUCT.title} ${PRODUCT.content}`.toLowerCase();
    for (const tag of tags) expect(text).toContain(tag);
    // a short text still has its tag count floor, from its phrases
    expect(
      engine.extract({ title: '', content: 'Low-dust ceramic compound. Quiet stops on the front axle.' }).tags,
    ).toEqual(expect.arrayContaining(['low-dust ceramic compound', 'quiet stops', 'front axle']));
    expect(PRODUCT.content).toContain(summary.split('. ')[0]);
  });

  it('keeps codes and hyphenated words whole in tags', () => {
    const { tags } = check({
      title: 'Full Synthetic 5W-30 Motor Oil',
      content:
        'Full synthetic 5W-30 motor oil for turbocharged gasoline engines. Meets API SP and ILSAC GF-6A. Sold in 5-quart jugs.',
    });
    expect(tags).toContain('5w-30 motor oil');
  });

  it('refuses a text with fewer than 3 keyphrases: a 2-word text', () => {
    expect(() => engine.extract({ title: '', content: 'Brake pads' })).toThrow(InsufficientContentError);
    expect(() => engine.extract({ title: '', content: '' })).toThrow(/fewer than the 3 tags/);
  });

  it('cuts a single sentence longer than 300 characters at a word, with an ellipsis', () => {
    const sentence = `The kit includes ${Array.from({ length: 60 }, (_, i) => `part${i}`).join(', ')} and more.`;
    const { summary } = engine.extract({ title: 'Big kit', content: sentence });
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(summary.endsWith('…')).toBe(true);
    expect(sentence).toContain(summary.slice(0, -1));
  });

  it('summarizes a text of headings only with its title', () => {
    const { summary } = engine.extract({ title: 'Brake pad catalogue', content: 'Brake pads\nRotors\nCalipers' });
    expect(summary).toBe('Brake pad catalogue');
    expect(engine.extract({ title: '', content: 'Brake pads\nRotors\nCalipers' }).summary).toBe('Brake pads');
  });

  it('answers as the local provider, with no tokens, and honours an aborted signal', async () => {
    await expect(engine.generate(PRODUCT)).resolves.toMatchObject({
      provider: 'local',
      model: 'wink-textrank-1',
      tokens: { prompt: 0, completion: 0 },
    });
    await expect(engine.generate(PRODUCT, AbortSignal.abort())).rejects.toThrow();
  });

  it('gives the same answer for the same text', () => {
    expect(engine.extract(PROJECT)).toEqual(engine.extract(PROJECT));
  });
});
