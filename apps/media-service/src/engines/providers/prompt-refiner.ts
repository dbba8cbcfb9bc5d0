import { MediaEngineError } from '../media-engine.js';

/** The longest refined prompt: the user's words come first and are cut last; cues are dropped before that. */
export const MAX_REFINED_PROMPT_CHARS = 1000;
/** The longest negative prompt: the user's negatives first, then the defaults while they fit. */
export const MAX_NEGATIVE_PROMPT_CHARS = 400;

/** The values of `parameters.style`: each adds its rendering cues after the user's words. */
export const PROMPT_STYLES = [
  'photo',
  'product',
  'illustration',
  '3d',
  'technical',
  'sketch',
  'watercolor',
  'cinematic',
] as const;
export type PromptStyle = (typeof PROMPT_STYLES)[number];

export const STYLE_CUES: Readonly<Record<PromptStyle, readonly string[]>> = {
  photo: ['photorealistic', 'natural lighting', 'sharp focus', 'high detail'],
  product: ['product photo', 'studio lighting', 'white background', 'sharp focus', 'high detail'],
  illustration: ['digital illustration', 'clean lines', 'vibrant colors'],
  '3d': ['3d render', 'soft shadows', 'physically based materials', 'high detail'],
  technical: ['technical illustration', 'exploded view', 'clean line work', 'white background'],
  sketch: ['pencil sketch', 'line art', 'monochrome'],
  watercolor: ['watercolor painting', 'soft edges', 'paper texture'],
  cinematic: ['cinematic lighting', 'film still', 'shallow depth of field'],
};

/** What the prompt is about, by its words: it picks the subject cues and, without `parameters.style`, the style. */
export type PromptCategory = 'automotive_part' | 'vehicle' | 'people' | 'scene' | 'general';

interface CategoryRule {
  category: Exclude<PromptCategory, 'general'>;
  /** Lower-case words or phrases, matched on word boundaries; a trailing `s` (plural) also matches. */
  terms: readonly string[];
  style: PromptStyle;
  cues: readonly string[];
  negative: readonly string[];
}

/** Tried in this order; the category named first in the prompt wins (see categoryOf). */
const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    category: 'automotive_part',
    terms: [
      'brake pad',
      'brake disc',
      'brake disk',
      'brake caliper',
      'caliper',
      'rotor',
      'spark plug',
      'glow plug',
      'oil filter',
      'air filter',
      'fuel filter',
      'cabin filter',
      'alternator',
      'starter motor',
      'radiator',
      'water pump',
      'fuel pump',
      'shock absorber',
      'strut',
      'coil spring',
      'control arm',
      'tie rod',
      'ball joint',
      'wheel bearing',
      'wheel hub',
      'cv joint',
      'drive shaft',
      'timing belt',
      'timing chain',
      'serpentine belt',
      'clutch kit',
      'clutch',
      'flywheel',
      'gasket',
      'piston',
      'camshaft',
      'crankshaft',
      'turbocharger',
      'injector',
      'ignition coil',
      'catalytic converter',
      'muffler',
      'exhaust pipe',
      'headlight',
      'headlamp',
      'tail light',
      'wiper blade',
      'car battery',
      'sensor',
      'thermostat',
      'bushing',
      'engine mount',
    ],
    style: 'product',
    cues: ['single part', 'centered', 'full view'],
    negative: ['cluttered background', 'hands'],
  },
  {
    category: 'vehicle',
    terms: ['car', 'truck', 'pickup', 'suv', 'van', 'sedan', 'hatchback', 'coupe', 'motorcycle', 'vehicle', 'bus'],
    style: 'photo',
    cues: ['automotive photography', 'whole vehicle in frame', 'detailed bodywork'],
    negative: ['distorted wheels', 'cropped vehicle'],
  },
  {
    category: 'people',
    terms: [
      'person',
      'people',
      'man',
      'men',
      'woman',
      'women',
      'child',
      'children',
      'kid',
      'portrait',
      'face',
      'mechanic',
      'customer',
      'driver',
      'team',
      'worker',
    ],
    style: 'photo',
    cues: ['natural pose', 'detailed face', 'soft light'],
    negative: ['deformed hands', 'extra fingers', 'distorted face'],
  },
  {
    category: 'scene',
    terms: [
      'landscape',
      'street',
      'city',
      'garage',
      'workshop',
      'showroom',
      'road',
      'highway',
      'mountain',
      'forest',
      'beach',
      'sunset',
      'sunrise',
      'interior',
      'room',
      'warehouse',
    ],
    style: 'photo',
    cues: ['wide shot', 'detailed background', 'balanced composition'],
    negative: ['tilted horizon'],
  },
];

/** The rules' term patterns, compiled once: the lists are constants. */
const CATEGORY_PATTERNS = CATEGORY_RULES.map((rule) => ({ rule, patterns: rule.terms.map(termPattern) }));

/** The negatives every prompt gets, after the user's own; one the user's prompt asks for (say, "text") is left out. */
export const DEFAULT_NEGATIVE_TERMS: readonly string[] = [
  'blurry',
  'low quality',
  'jpeg artifacts',
  'watermark',
  'text',
  'logo',
  'signature',
  'deformed',
];

/** Cues of a prompt whose subject the refiner does not know, without a style. */
const GENERAL_CUES: readonly string[] = ['high detail', 'sharp focus'];

export interface RefinedPrompt {
  refined: string;
  negative: string;
  category: PromptCategory;
  /** The style whose cues were added: `parameters.style`, else the category's, else none. */
  style: PromptStyle | null;
}

/**
 * The local prompt refiner of image_generation: deterministic, no model. Cleans the user's prompt (whitespace,
 * repeated words and phrases), keeps it first, adds the cues of `parameters.style` or of the category its words
 * name, and builds a negative prompt from `parameters.negative_prompt` and the defaults. Both are capped.
 */
export function refinePrompt(prompt: unknown, parameters: Record<string, unknown> = {}): RefinedPrompt {
  if (typeof prompt !== 'string') {
    throw new MediaEngineError('invalid_input', 'prompt must be a string', { field: 'prompt' });
  }
  const phrases = cleanPhrases(prompt);
  if (phrases.length === 0) {
    throw new MediaEngineError('invalid_input', 'prompt is empty', { field: 'prompt' });
  }
  const style = styleOf(parameters.style);
  const userText = phrases.join(', ');
  const lowered = userText.toLowerCase();
  const rule = categoryOf(lowered);
  const chosenStyle = style ?? rule?.style ?? null;
  const cues = [...(rule?.cues ?? []), ...(chosenStyle ? STYLE_CUES[chosenStyle] : GENERAL_CUES)];

  const refined = joinCapped(
    capText(userText, MAX_REFINED_PROMPT_CHARS),
    newPhrases(cues, phrases),
    MAX_REFINED_PROMPT_CHARS,
  );

  const userNegatives = negativeOf(parameters.negative_prompt);
  const defaults = [...(rule?.negative ?? []), ...DEFAULT_NEGATIVE_TERMS].filter((term) => !mentions(lowered, term));
  const negativeFirst = userNegatives.length ? capText(userNegatives.join(', '), MAX_NEGATIVE_PROMPT_CHARS) : '';
  const negative = joinCapped(negativeFirst, newPhrases(defaults, userNegatives), MAX_NEGATIVE_PROMPT_CHARS);

  return { refined, negative, category: rule?.category ?? 'general', style: chosenStyle };
}

export function isPromptStyle(value: unknown): value is PromptStyle {
  return typeof value === 'string' && (PROMPT_STYLES as readonly string[]).includes(value);
}

function styleOf(value: unknown): PromptStyle | null {
  if (value === undefined || value === null || value === '') return null;
  if (!isPromptStyle(value)) {
    throw new MediaEngineError(
      'invalid_input',
      `unknown style ${JSON.stringify(value)}; one of ${PROMPT_STYLES.join(', ')}`,
      { field: 'parameters.style' },
    );
  }
  return value;
}

function negativeOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') {
    throw new MediaEngineError('invalid_input', 'negative_prompt must be a string', {
      field: 'parameters.negative_prompt',
    });
  }
  return cleanPhrases(value);
}

/**
 * The prompt as its phrases (split at commas, semicolons and line breaks): NFKC, no control characters, whitespace collapsed, a word or run of
 * words repeated back to back said once ("red red car", "brake pad brake pad"), a phrase said twice kept once.
 */
export function cleanPhrases(text: string): string[] {
  const normalized = text
    .normalize('NFKC')
    .replace(/[\r\n]+/g, ',')
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of normalized.split(/\s*[,;]\s*/)) {
    const phrase = collapseRepeats(raw.trim().split(' ').filter(Boolean)).join(' ');
    const key = phraseKey(phrase);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

/** Removes back-to-back repeats of runs of 1 to 4 words, compared case-insensitively without punctuation. */
function collapseRepeats(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    out.push(word);
    for (let n = 1; n <= 4 && 2 * n <= out.length; n++) {
      const tail = out.slice(out.length - n);
      const before = out.slice(out.length - 2 * n, out.length - n);
      if (tail.every((w, i) => wordKey(w) === wordKey(before[i]) && wordKey(w) !== '')) {
        out.length -= n;
        break;
      }
    }
  }
  return out;
}

const wordKey = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const phraseKey = (phrase: string): string => phrase.split(' ').map(wordKey).filter(Boolean).join(' ');

/**
 * The category whose words come first in the prompt: in English prompts the subject leads ("portrait of a
 * mechanic holding a spark plug" is a portrait, "a spark plug held by a mechanic" a part). Vehicle words yield to
 * part words wherever they are: they mostly say which vehicle a part is for ("Golf brake pads", "truck battery").
 */
function categoryOf(text: string): CategoryRule | undefined {
  const found = CATEGORY_PATTERNS.map(({ rule, patterns }) => ({ rule, at: firstMention(text, patterns) })).filter(
    (f) => f.at >= 0,
  );
  const hasPart = found.some((f) => f.rule.category === 'automotive_part');
  const candidates = found.filter((f) => !(hasPart && f.rule.category === 'vehicle'));
  return candidates.sort((a, b) => a.at - b.at)[0]?.rule;
}

/** The index of the first match of `patterns` in `text`, or -1. */
function firstMention(text: string, patterns: readonly RegExp[]): number {
  let first = -1;
  for (const pattern of patterns) {
    const at = text.search(pattern);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** Whether `text` (lower case) names `term` as whole words, its plural included. */
function mentions(text: string, term: string): boolean {
  return termPattern(term).test(text);
}

function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|es)?(?![\\p{L}\\p{N}])`, 'u');
}

/** The cues the user's phrases do not already say. */
function newPhrases(cues: readonly string[], userPhrases: readonly string[]): string[] {
  const said = userPhrases.map(phraseKey).join(' , ');
  const seen = new Set<string>();
  return cues.filter((cue) => {
    const key = phraseKey(cue);
    if (seen.has(key) || mentions(said, key)) return false;
    seen.add(key);
    return true;
  });
}

/** `first`, then as many of `extra` as fit within `max` characters, comma-separated. */
function joinCapped(first: string, extra: readonly string[], max: number): string {
  let out = first;
  for (const phrase of extra) {
    const next = out ? `${out}, ${phrase}` : phrase;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** `text` cut to `max` characters at the last word boundary (or hard, for one long word), without a trailing comma. */
function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,]+$/, '');
}
