import type { AssistantPassageDto, AssistantPassageField, SearchHitDto } from '@torque/contracts';
import { foldWords } from './question.js';

/** Longest passage returned. */
export const MAX_PASSAGE_LENGTH = 300;

/** Whether a word of the text matches a term of the question: equal, or one a prefix of the other (4+ letters). */
function wordMatches(word: string, term: string): boolean {
  if (word === term) return true;
  const [short, long] = word.length < term.length ? [word, term] : [term, word];
  return short.length >= 4 && long.startsWith(short);
}

function score(text: string, terms: readonly string[]): number {
  const words = foldWords(text).split(' ');
  return terms.filter((t) => words.some((w) => wordMatches(w, t))).length;
}

/** Sentences of a text (ends at `.`, `!`, `?` followed by a space, and at line breaks). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const clip = (s: string) => (s.length <= MAX_PASSAGE_LENGTH ? s : `${s.slice(0, MAX_PASSAGE_LENGTH - 1).trimEnd()}…`);

/**
 * The passage of a product that answers the question best: of its name, the sentences of its description, its
 * attributes (`key: value`), its part number and its vehicles, the one matching the most terms of the question;
 * ties go to the description, then the name. When nothing matches (a semantic hit), the description's first
 * sentence, or the name.
 */
export function choosePassage(hit: SearchHitDto, terms: readonly string[]): AssistantPassageDto {
  const candidates: { field: AssistantPassageField; text: string }[] = [
    ...sentences(hit.description ?? '').map((text) => ({ field: 'description' as const, text })),
    { field: 'name', text: hit.name },
    ...Object.entries(hit.attributes ?? {})
      .filter(([, v]) => v !== null && typeof v !== 'object')
      .map(([k, v]) => ({ field: 'attributes' as const, text: `${k.replace(/_/g, ' ')}: ${String(v)}` })),
    { field: 'part_number', text: hit.part_number },
  ];
  if (hit.vehicles.length > 0)
    candidates.push({
      field: 'vehicles',
      text: `Fits ${hit.vehicles
        .slice(0, 5)
        .map((v) => `${v.year} ${v.make} ${v.model}${v.submodel ? ` ${v.submodel}` : ''}`)
        .join(', ')}`,
    });
  let best: { field: AssistantPassageField; text: string } | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const s = score(c.text, terms);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  const chosen = best ?? candidates.find((c) => c.field === 'description') ?? { field: 'name', text: hit.name };
  return { field: chosen.field, text: clip(chosen.text) };
}
