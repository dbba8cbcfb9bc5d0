import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import type { GeneratedMetadata, MetadataInput } from './metadata-generator.js';
import { collapseWhitespace, MAX_SUMMARY_CHARS, MAX_TAGS, MIN_TAGS } from './metadata-output.js';
import type { MetadataProvider } from './metadata-provider.js';
import { InsufficientContentError } from './provider-error.js';
import { addEdge, pageRank } from './text-rank.js';

export const LOCAL_METADATA_MODEL = 'wink-textrank-1';

/** Sentences a summary takes at most. */
const MAX_SUMMARY_SENTENCES = 3;
/** Words of a keyphrase at most. */
const MAX_PHRASE_WORDS = 3;
/** Words apart two keywords may be and still be linked in the keyword graph. */
const COOCCURRENCE_WINDOW = 3;
/** A sentence of fewer words (a heading, a list fragment) is no summary candidate. */
const MIN_SUMMARY_SENTENCE_WORDS = 5;
/** Weight of a phrase found in the title. */
const TITLE_BOOST = 1.5;

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Stop words of the model that name things in this trade (front axle, full synthetic, anti-drain back valve). */
const TRADE_WORDS = new Set(['front', 'back', 'full', 'top', 'bottom', 'side']);
/**
 * Imperatives that open instructions ("Check the gap", "Torque the nuts"): the model tags them as proper nouns at
 * the start of a sentence, which would make "check local regulations" a keyphrase.
 */
const IMPERATIVES = new Set(
  (
    'add break buy call check clean connect contact cut disconnect fill fit flush follow freeze identify import ' +
    'inspect install keep map measure move quarantine register relieve remove replace return run send set ship ' +
    'start stop test torque track use'
  ).split(' '),
);
/** Nouns too general to be a tag on their own in this trade; inside a phrase they stay (part number, brake pair). */
const GENERIC = new Set(
  (
    'amount case customer day end inch item kind lot mile month number pair part percent product set share thing ' +
    'time type unit use value way week year'
  ).split(' '),
);
/** A word token a keyphrase may hold: letters or digits, inner `'.-/+&` (U.S., 5W-30), no sentence end glued on. */
const WORDLIKE = /^[\p{L}\p{N}](?:[\p{L}\p{N}'./+&-]*[\p{L}\p{N}])?\.?$/u;
const GLUE = new Set(['-', '/', '+', '&']);

/** Tokens of one text as parallel arrays (wink's `its` outputs). */
interface Tokens {
  value: string[];
  pos: string[];
  spaces: string[];
  lemma: string[];
  stop: boolean[];
  type: string[];
}

/** A sentence: its tokens [start, end] and its text as written (whitespace collapsed). */
interface Segment {
  start: number;
  end: number;
  text: string;
  words: number;
  position: number;
  keys: Set<string>;
  inTitle: boolean;
}

/** A word of a keyphrase: tokens written without a space between them ("low-dust", "5W-30"). */
interface PhraseWord {
  key: string;
  surface: string;
  nominalHead: boolean;
}

interface Candidate {
  key: string;
  words: string[];
  surfaces: Map<string, number>;
  count: number;
  inTitle: boolean;
  score: number;
}

/**
 * The default metadata provider, with no key and no network: wink-nlp's English model splits the title and
 * content into sentences and tags parts of speech, and TextRank ranks them.
 *
 * - summary: the content's sentences ranked by TextRank over their shared content words (a slight preference for
 *   earlier ones), the best that fit taken whole, up to 3 and MAX_SUMMARY_CHARS with their separating spaces,
 *   in text order. Each is verbatim from the text, whitespace runs collapsed and a leading list mark dropped.
 *   When no sentence fits, the best one is cut at a word boundary and ends with `…`. Content without a sentence
 *   of 5 words (headings, fragments) gives the title as summary, or its first fragment when the title is empty.
 * - tags: keyphrases, i.e. runs of up to 3 nouns and adjectives ending with a noun (a longer run gives its 3-word
 *   windows ending with a noun), scored by their words' TextRank over a co-occurrence graph (window 3), their frequency and a title
 *   boost; normalized, de-duplicated by stem, a phrase inside a better one (or containing it, or sharing two words
 *   with it) left out, and so are
 *   single words too general for a tag (customer, year ...); 3 + 1 per 70 words of text, at most 10.
 *   When fewer than 3 remain, phrases left out and the tail words of multi-word phrases fill up; a text that still
 *   has fewer than 3 (e.g. `Brake pads`) is an InsufficientContentError, the chain's `insufficient_content`.
 */
export class LocalMetadataEngine implements MetadataProvider {
  readonly name = 'local' as const;
  readonly model = LOCAL_METADATA_MODEL;
  private static nlp: WinkMethods | null = null;

  /** The wink pipeline, loaded once per process (about 0.15 s): sentence boundaries and parts of speech only. */
  private static pipeline(): WinkMethods {
    LocalMetadataEngine.nlp ??= winkNLP(model, ['sbd', 'pos']);
    return LocalMetadataEngine.nlp;
  }

  async generate(input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata> {
    signal?.throwIfAborted();
    const { summary, tags } = this.extract(input);
    return { summary, tags, provider: this.name, model: this.model, tokens: { prompt: 0, completion: 0 } };
  }

  /** The summary and tags of `input`, synchronously (about 5-20 ms for 4,000 characters). */
  extract(input: MetadataInput): { summary: string; tags: string[] } {
    const title = this.read(input.title, true);
    const content = this.read(input.content, false);
    const segments = [...title.segments, ...content.segments];
    const tags = this.tags(title.tokens, content.tokens, title.segments, content.segments, segments);
    return { summary: this.summary(content.segments, input.title), tags };
  }

  private read(text: string, inTitle: boolean): { tokens: Tokens; segments: Segment[] } {
    const doc = LocalMetadataEngine.pipeline().readDoc(text);
    const its = LocalMetadataEngine.pipeline().its;
    const all = doc.tokens();
    const tokens: Tokens = {
      value: all.out(its.value) as string[],
      pos: all.out(its.pos) as string[],
      spaces: all.out(its.precedingSpaces) as string[],
      // the typings give lemma an addons parameter the token collection passes itself
      lemma: all.out(its.lemma as unknown as typeof its.value) as string[],
      stop: all.out(its.stopWordFlag) as unknown as boolean[],
      type: all.out(its.type) as string[],
    };
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    const segments: Segment[] = [];
    for (const [from, to] of spans) {
      // wink does not end a sentence at a line break: a heading or a list item ends there too
      let start = from;
      for (let i = from; i <= to + 1; i++) {
        if (i === to + 1 || (tokens.type[i] === 'tabCRLF' && tokens.value[i].includes('\n'))) {
          const segment = this.segment(tokens, start, i - 1, segments.length, inTitle);
          if (segment) segments.push(segment);
          start = i + 1;
        }
      }
    }
    return { tokens, segments };
  }

  /** The segment of tokens [from, to] without its edge spaces and leading list marks; null when it has no word. */
  private segment(tokens: Tokens, from: number, to: number, position: number, inTitle: boolean): Segment | null {
    let start = from;
    let end = to;
    const isMark = (i: number) =>
      tokens.type[i] === 'tabCRLF' ||
      tokens.pos[i] === 'SPACE' ||
      (tokens.pos[i] === 'PUNCT' && /^[-*•·–—>#|]+$/.test(tokens.value[i]));
    while (start <= end && isMark(start)) start++;
    while (end >= start && (tokens.type[end] === 'tabCRLF' || tokens.pos[end] === 'SPACE')) end--;
    let words = 0;
    const keys = new Set<string>();
    for (let i = start; i <= end; i++) {
      if (tokens.type[i] !== 'word' && tokens.type[i] !== 'number') continue;
      words++;
      if (!tokens.stop[i] && /[a-z]/i.test(tokens.value[i]) && tokens.value[i].length > 1) keys.add(keyOf(tokens, i));
    }
    if (words === 0) return null;
    let text = '';
    for (let i = start; i <= end; i++) text += (i > start ? tokens.spaces[i] : '') + tokens.value[i];
    return { start, end, text: collapseWhitespace(text), words, position, keys, inTitle };
  }

  private summary(segments: Segment[], title: string): string {
    const candidates = segments.filter((s) => s.words >= MIN_SUMMARY_SENTENCE_WORDS);
    if (candidates.length === 0) {
      // headings or fragments only: the title says it better than fragments run together
      const fallback = collapseWhitespace(title) || (segments[0]?.text ?? '');
      return fallback.length <= MAX_SUMMARY_CHARS ? fallback : cutAtWord(fallback);
    }
    const weights = candidates.map(() => new Map<number, number>());
    for (let i = 0; i < candidates.length; i++)
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i];
        const b = candidates[j];
        let shared = 0;
        for (const key of a.keys) if (b.keys.has(key)) shared++;
        if (shared > 0) addEdge(weights, i, j, shared / (Math.log(a.words + 1) + Math.log(b.words + 1)));
      }
    const prior = candidates.map((_, i) => 1 / Math.sqrt(i + 1));
    const total = prior.reduce((s, p) => s + p, 0);
    const rank = pageRank(
      candidates.length,
      weights,
      prior.map((p) => p / total),
    );
    const order = candidates.map((_, i) => i).sort((x, y) => rank[y] - rank[x] || x - y);
    const chosen: number[] = [];
    let length = 0;
    for (const i of order) {
      const add = candidates[i].text.length + (chosen.length > 0 ? 1 : 0);
      if (length + add > MAX_SUMMARY_CHARS) continue;
      chosen.push(i);
      length += add;
      if (chosen.length === MAX_SUMMARY_SENTENCES) break;
    }
    if (chosen.length === 0) return cutAtWord(candidates[order[0]].text);
    return chosen
      .sort((x, y) => x - y)
      .map((i) => candidates[i].text)
      .join(' ');
  }

  private tags(
    titleTokens: Tokens,
    contentTokens: Tokens,
    titleSegments: Segment[],
    contentSegments: Segment[],
    segments: Segment[],
  ): string[] {
    const byKey = new Map<string, Candidate>();
    const sequences: string[][] = [];
    const collect = (tokens: Tokens, list: Segment[]) => {
      for (const segment of list) {
        const { phrases, keywords } = phrasesOf(tokens, segment.start, segment.end);
        sequences.push(keywords);
        for (const phrase of phrases) {
          const words = phrase.map((w) => w.key);
          const key = words.join(' ');
          const surface = phrase
            .map((w) => w.surface)
            .join(' ')
            .toLowerCase();
          const candidate = byKey.get(key) ?? {
            key,
            words,
            surfaces: new Map<string, number>(),
            count: 0,
            inTitle: false,
            score: 0,
          };
          candidate.count++;
          candidate.inTitle ||= segment.inTitle;
          candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + 1);
          byKey.set(key, candidate);
        }
      }
    };
    collect(titleTokens, titleSegments);
    collect(contentTokens, contentSegments);

    const ids = new Map<string, number>();
    for (const seq of sequences) for (const k of seq) if (!ids.has(k)) ids.set(k, ids.size);
    const weights = [...ids.keys()].map(() => new Map<number, number>());
    for (const seq of sequences)
      for (let i = 0; i < seq.length; i++)
        for (let j = i + 1; j < Math.min(seq.length, i + COOCCURRENCE_WINDOW); j++)
          addEdge(weights, ids.get(seq[i])!, ids.get(seq[j])!, 1);
    const rank = pageRank(ids.size, weights);
    const mean = ids.size > 0 ? 1 / ids.size : 1;
    for (const c of byKey.values()) {
      const wordScore = c.words.reduce((s, w) => s + (rank[ids.get(w) ?? -1] ?? 0), 0) / (c.words.length * mean);
      c.score = wordScore * (1 + 0.35 * (c.words.length - 1)) * (1 + Math.log(c.count)) * (c.inTitle ? TITLE_BOOST : 1);
    }
    const ranked = [...byKey.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    const words = segments.reduce((s, x) => s + x.words, 0);
    const target = Math.min(10, MAX_TAGS, MIN_TAGS + Math.floor(words / 70));

    const chosen: Candidate[] = [];
    const left: Candidate[] = [];
    for (const c of ranked) {
      if (chosen.length === target) break;
      if (c.words.length === 1 && GENERIC.has(c.words[0])) {
        left.push(c);
        continue;
      }
      if (chosen.some((k) => contains(k.words, c.words) || contains(c.words, k.words) || shared(k.words, c.words) >= 2))
        left.push(c);
      else chosen.push(c);
    }
    const tags = chosen.map(bestSurface);
    const add = (tag: string) => {
      if (tags.length < MIN_TAGS && !tags.includes(tag)) tags.push(tag);
    };
    for (const c of left) add(bestSurface(c));
    for (const c of chosen)
      if (c.words.length > 1) {
        const surface = bestSurface(c).split(' ');
        for (let n = c.words.length - 1; n >= 1; n--) add(surface.slice(surface.length - n).join(' '));
      }
    if (tags.length < MIN_TAGS)
      throw new InsufficientContentError(
        `the text has ${tags.length} keyphrase${tags.length === 1 ? '' : 's'}, fewer than the ${MIN_TAGS} tags asked for`,
      );
    return tags;
  }
}

/** The key a word is matched and counted by: its lemma, lower case, a plural `s` dropped (Pads, pad, pads). */
function keyOf(tokens: Tokens, i: number): string {
  return stem(tokens.lemma[i] || tokens.value[i].toLowerCase());
}

function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The keyphrases of tokens [start, end] and its keywords in order (for the co-occurrence graph). A phrase is a run
 * of up to MAX_PHRASE_WORDS words whose tokens are nouns, proper nouns or adjectives that are not stop words, or
 * numbers and `-`, `/`, `+`, `&` written against them (5W-30, A/C), ending with a noun; a longer run gives its
 * windows of MAX_PHRASE_WORDS words that end with a noun.
 */
function phrasesOf(tokens: Tokens, start: number, end: number): { phrases: PhraseWord[][]; keywords: string[] } {
  const phrases: PhraseWord[][] = [];
  const keywords: string[] = [];
  const nominal = (i: number): boolean => {
    const value = tokens.value[i];
    if (tokens.type[i] !== 'word' || value.length < 2 || !/[a-z]/i.test(value) || !WORDLIKE.test(value)) return false;
    // a trailing dot is a sentence end the splitter missed ("oil in. Valving"), unless the word has inner dots (U.S.)
    if (value.endsWith('.') && !value.slice(0, -1).includes('.')) return false;
    const lower = value.toLowerCase();
    if (tokens.stop[i] && !TRADE_WORDS.has(lower)) return false;
    if (i === start && IMPERATIVES.has(lower)) return false;
    if (NOMINAL.has(tokens.pos[i])) return true;
    // a base-form verb after a noun and before a noun or the end is a compound the tagger missed (fuel pump module)
    return (
      tokens.pos[i] === 'VERB' &&
      lower === tokens.lemma[i] &&
      i > start &&
      tokens.pos[i - 1] === 'NOUN' &&
      !tokens.stop[i - 1] &&
      (i === end || ['NOUN', 'PROPN', 'PUNCT'].includes(tokens.pos[i + 1]) || tokens.value[i + 1] === 'with')
    );
  };
  const number = (i: number) => tokens.type[i] === 'number';
  const glued = (i: number) => i > start && i <= end && tokens.spaces[i] === '';
  let run: PhraseWord[] = [];
  const flush = () => {
    while (run.length > 0 && !run[run.length - 1].nominalHead) run.pop();
    if (run.length > 0 && run.length <= MAX_PHRASE_WORDS) phrases.push(run);
    // a longer run of nouns gives each of its 3-word windows ending with a noun (electric vehicle parts range)
    else
      for (let e = run.length; e >= MAX_PHRASE_WORDS; e--)
        if (run[e - 1].nominalHead) phrases.push(run.slice(e - MAX_PHRASE_WORDS, e));
    run = [];
  };
  let i = start;
  while (i <= end) {
    if (!nominal(i) && !(number(i) && ((i < end && glued(i + 1) && nominal(i + 1)) || (glued(i) && nominal(i - 1))))) {
      flush();
      i++;
      continue;
    }
    // one word: this token and those written against it (numbers, nominal tokens, glue between two of them)
    let j = i;
    while (
      j + 1 <= end &&
      ((glued(j + 1) && (nominal(j + 1) || number(j + 1))) ||
        (GLUE.has(tokens.value[j + 1]) &&
          glued(j + 1) &&
          j + 2 <= end &&
          glued(j + 2) &&
          (nominal(j + 2) || number(j + 2))))
    )
      j += GLUE.has(tokens.value[j + 1]) ? 2 : 1;
    let surface = '';
    for (let k = i; k <= j; k++) surface += tokens.value[k];
    const last = j;
    // a verb taken for a noun (fuel pump) heads a phrase like a noun; an adjective does not
    const head = nominal(last) ? (tokens.pos[last] === 'VERB' ? 'NOUN' : tokens.pos[last]) : 'NUM';
    const key = i === j ? keyOf(tokens, i) : stem(surface.toLowerCase());
    const word: PhraseWord = { key, surface, nominalHead: head === 'NOUN' || head === 'PROPN' || i !== j };
    run.push(word);
    keywords.push(key);
    i = j + 1;
  }
  flush();
  return { phrases, keywords };
}

/** Whether `inner` is a run of consecutive words of `outer`. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, k) => outer[i + k] === w)) return true;
  return false;
}

/** Words two phrases have in common: two make them near repeats (5w-30 motor oil, full synthetic 5w-30). */
function shared(a: readonly string[], b: readonly string[]): number {
  return a.filter((w) => b.includes(w)).length;
}

/** The most frequent way the phrase is written, lower case; the first such on a tie. */
function bestSurface(c: Candidate): string {
  let best = '';
  let count = 0;
  for (const [surface, n] of c.surfaces)
    if (n > count) {
      best = surface;
      count = n;
    }
  return best;
}

/** `text` cut at the last word boundary that leaves room for `…` within MAX_SUMMARY_CHARS. */
function cutAtWord(text: string): string {
  const room = text.slice(0, MAX_SUMMARY_CHARS);
  const space = room.lastIndexOf(' ', MAX_SUMMARY_CHARS - 1);
  const cut = (space > MAX_SUMMARY_CHARS / 2 ? room.slice(0, space) : room.slice(0, MAX_SUMMARY_CHARS - 1)).replace(
    /[\s,;:.-]+$/,
    '',
  );
  return `${cut}…`;
}
