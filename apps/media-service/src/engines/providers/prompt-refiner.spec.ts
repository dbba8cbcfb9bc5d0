import { describe, expect, it } from '@jest/globals';
import { MediaEngineError } from '../media-engine.js';
import {
  cleanPhrases,
  DEFAULT_NEGATIVE_TERMS,
  MAX_NEGATIVE_PROMPT_CHARS,
  MAX_REFINED_PROMPT_CHARS,
  PROMPT_STYLES,
  refinePrompt,
  STYLE_CUES,
} from './prompt-refiner.js';

function refusal(fn: () => unknown): MediaEngineError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MediaEngineError);
    return err as MediaEngineError;
  }
  throw new Error('expected a MediaEngineError');
}

describe('refinePrompt', () => {
  it('keeps the user’s words first, whitespace collapsed, and adds product-photo cues for an automotive part', () => {
    const out = refinePrompt('  ceramic   brake pad\tset \n for a 2015 Golf ');
    expect(out.refined.startsWith('ceramic brake pad set, for a 2015 Golf, ')).toBe(true);
    expect(out.category).toBe('automotive_part');
    expect(out.style).toBe('product');
    for (const cue of ['studio lighting', 'white background', 'sharp focus', 'high detail']) {
      expect(out.refined).toContain(cue);
    }
    expect(out.refined).not.toMatch(/\s{2,}/);
  });

  it.each([
    ['a spark plug on a workbench', 'automotive_part'],
    ['front rotors and calipers', 'automotive_part'],
    ['a red pickup truck', 'vehicle'],
    ['portrait of a mechanic smiling', 'people'],
    ['a mountain road at sunset', 'scene'],
    ['an abstract pattern of circles', 'general'],
    // the subject leads; vehicle words before a part only say which vehicle it is for
    ['portrait of a mechanic holding a spark plug', 'people'],
    ['a spark plug held by a mechanic', 'automotive_part'],
    ['truck brake pads on a shelf', 'automotive_part'],
  ])('%j is %s', (prompt, category) => {
    expect(refinePrompt(prompt).category).toBe(category);
  });

  it('matches category words as whole words only ("manual" is not "man", "showroom" is not "room")', () => {
    expect(refinePrompt('a manual of gearboxes').category).toBe('general');
    expect(refinePrompt('the scarface poster').category).toBe('general');
  });

  it('gives people and scenes their own cues, not the product shot', () => {
    const people = refinePrompt('a woman at the counter');
    expect(people.refined).toContain('detailed face');
    expect(people.refined).not.toContain('white background');
    expect(people.negative).toContain('extra fingers');
    const scene = refinePrompt('a busy city street');
    expect(scene.refined).toContain('wide shot');
    expect(scene.refined).not.toContain('white background');
  });

  it('removes back-to-back repeated words and phrases, and phrases said twice', () => {
    expect(cleanPhrases('red red car, shiny, Shiny, brake pad brake pad kit')).toEqual([
      'red car',
      'shiny',
      'brake pad kit',
    ]);
    // a word said twice apart is kept: it is not a repeat
    expect(cleanPhrases('a car on a road')).toEqual(['a car on a road']);
    const out = refinePrompt('oil filter oil filter, studio lighting');
    expect(out.refined.match(/oil filter/g)).toHaveLength(1);
    // a cue the user already wrote is not added again
    expect(out.refined.match(/studio lighting/g)).toHaveLength(1);
  });

  it('uses parameters.style over the category’s style, keeping the category’s subject cues', () => {
    const out = refinePrompt('brake pad', { style: 'illustration' });
    expect(out.style).toBe('illustration');
    for (const cue of STYLE_CUES.illustration) expect(out.refined).toContain(cue);
    expect(out.refined).not.toContain('white background');
    expect(out.refined).toContain('single part');
  });

  it.each(PROMPT_STYLES)('style %s adds its cues', (style) => {
    const out = refinePrompt('a gearbox', { style });
    expect(out.style).toBe(style);
    for (const cue of STYLE_CUES[style]) expect(out.refined).toContain(cue);
  });

  it('refuses an unknown style with invalid_input on parameters.style', () => {
    const err = refusal(() => refinePrompt('a gearbox', { style: 'baroque' }));
    expect(err.code).toBe('invalid_input');
    expect(err.field).toBe('parameters.style');
    expect(err.message).toContain('photo');
  });

  it('refuses an empty or non-string prompt on the prompt field', () => {
    for (const prompt of ['', '   \n\t ', ', ,', undefined, 42]) {
      const err = refusal(() => refinePrompt(prompt));
      expect(err).toMatchObject({ code: 'invalid_input', field: 'prompt' });
    }
  });

  it('merges parameters.negative_prompt first with the defaults, without repeats', () => {
    const out = refinePrompt('a brake disc', { negative_prompt: 'rust,  Blurry, rust' });
    const terms = out.negative.split(', ');
    expect(terms.slice(0, 2)).toEqual(['rust', 'Blurry']);
    expect(terms.filter((t) => t.toLowerCase() === 'blurry')).toHaveLength(1);
    for (const term of ['watermark', 'low quality']) expect(terms).toContain(term);
    expect(terms).toContain('cluttered background');
  });

  it('leaves out a default negative the prompt asks for', () => {
    expect(refinePrompt('a gearbox').negative.split(', ')).toEqual(expect.arrayContaining(['text', 'logo']));
    const out = refinePrompt('a shop sign with the text OPEN and our logo');
    expect(out.negative.split(', ')).not.toContain('text');
    expect(out.negative.split(', ')).not.toContain('logo');
    expect(out.negative.split(', ')).toContain(DEFAULT_NEGATIVE_TERMS[0]);
  });

  it('is deterministic', () => {
    const a = refinePrompt('spark plug, close up', { style: '3d', negative_prompt: 'dust' });
    const b = refinePrompt('spark plug, close up', { style: '3d', negative_prompt: 'dust' });
    expect(a).toEqual(b);
  });

  it('caps the refined and negative prompts, cutting cues before the user’s words and at a word boundary', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const out = refinePrompt(words, { negative_prompt: words });
    expect(out.refined.length).toBeLessThanOrEqual(MAX_REFINED_PROMPT_CHARS);
    expect(out.refined.length).toBeGreaterThan(MAX_REFINED_PROMPT_CHARS - 12);
    expect(words.startsWith(out.refined)).toBe(true);
    expect(out.refined).toMatch(/word\d+$/);
    expect(out.negative.length).toBeLessThanOrEqual(MAX_NEGATIVE_PROMPT_CHARS);
    expect(words.startsWith(out.negative)).toBe(true);

    // a prompt just under the cap keeps all its words and gets only the cues that fit
    const near = 'x'.repeat(MAX_REFINED_PROMPT_CHARS - 20);
    const nearOut = refinePrompt(near);
    expect(nearOut.refined.startsWith(near)).toBe(true);
    expect(nearOut.refined.length).toBeLessThanOrEqual(MAX_REFINED_PROMPT_CHARS);
    expect(nearOut.refined.length).toBeGreaterThan(near.length);
  });

  it('drops control characters and normalizes compatibility forms', () => {
    const out = refinePrompt('ﬁlter\u0000 housing\u200b');
    expect(out.refined.startsWith('filter housing,')).toBe(true);
  });

  it('refuses a negative_prompt that is not a string', () => {
    const err = refusal(() => refinePrompt('a gearbox', { negative_prompt: ['blurry'] }));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'parameters.negative_prompt' });
  });
});
