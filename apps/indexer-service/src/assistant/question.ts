/** Reading a question: its search words and the vehicle it names (pure). */

export interface KnownVehicle {
  year: number;
  make: string;
  model: string;
}

export interface QuestionVehicle {
  year: number | null;
  make: string;
  model: string | null;
}

/** Words of a question that say nothing about the part searched for. */
const QUESTION_WORDS = new Set(
  (
    'a an the what which who whose where when why how do does did is are was were be there any some that this these ' +
    'those it its i me my we our you your to of in on at by with for from and or fit fits fitting fitted will would ' +
    'can could should need needs want looking look find show give get buy recommend recommended best good please ' +
    'have has got car truck vehicle year model make'
  ).split(' '),
);

/** Lowercase, accents removed, everything but letters and digits a space. */
export function foldWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const hasPhrase = (folded: string, phrase: string) => phrase.length > 0 && ` ${folded} `.includes(` ${phrase} `);

/** A model named as it is spelled, or run together (`f150` for `F-150`). */
const hasModel = (folded: string, model: string) =>
  hasPhrase(folded, model) || (model.includes(' ') && hasPhrase(folded, model.replace(/ /g, '')));

/**
 * The vehicle a question names, when it is one of the tenant's known (approved-fitment) vehicles: a model
 * (with its make, named or not), or a make alone; the year only when that vehicle is known for it. A model of
 * several makes counts only when the make is named too. Null when nothing known is named.
 */
export function extractVehicle(question: string, known: readonly KnownVehicle[]): QuestionVehicle | null {
  const folded = foldWords(question);
  const years = new Set((folded.match(/\b(19|20)\d{2}\b/g) ?? []).map(Number));
  const byModel = new Map<string, KnownVehicle[]>();
  const makes = new Map<string, string>();
  for (const v of known) {
    const make = foldWords(v.make);
    const key = `${make}\u0000${foldWords(v.model)}`;
    byModel.set(key, [...(byModel.get(key) ?? []), v]);
    makes.set(make, v.make);
  }
  const namedMakes = [...makes.keys()].filter((m) => hasPhrase(folded, m));
  // Models named in the question, longest first ("grand cherokee" before "cherokee").
  const candidates = [...byModel.entries()]
    .filter(([key]) => hasModel(folded, key.split('\u0000')[1]))
    .sort((a, b) => b[0].split('\u0000')[1].length - a[0].split('\u0000')[1].length);
  const withMake = candidates.filter(([key]) => namedMakes.includes(key.split('\u0000')[0]));
  const modelMakes = new Set(candidates.map(([key]) => key.split('\u0000')[0]));
  const chosen = withMake[0] ?? (modelMakes.size === 1 ? candidates[0] : undefined);
  if (chosen) {
    const vehicles = chosen[1];
    const year = vehicles.find((v) => years.has(v.year))?.year ?? null;
    return { year, make: vehicles[0].make, model: vehicles[0].model };
  }
  if (namedMakes.length === 1) {
    const make = makes.get(namedMakes[0])!;
    const year = known.find((v) => foldWords(v.make) === namedMakes[0] && years.has(v.year))?.year ?? null;
    return { year, make, model: null };
  }
  return null;
}

/**
 * The search text of a question: its words less question words and the words of the vehicle it names (which
 * become a filter); the vehicle's words, or the question itself, when nothing else is left. At most `max` chars.
 */
export function searchTextOf(question: string, vehicle: QuestionVehicle | null, max: number): string {
  const vehicleWords = new Set(
    vehicle ? foldWords(`${vehicle.make} ${vehicle.model ?? ''} ${vehicle.year ?? ''}`).split(' ') : [],
  );
  const kept = question
    .split(/\s+/)
    .filter((token) => {
      const words = foldWords(token).split(' ').filter(Boolean);
      return words.length > 0 && !words.every((w) => QUESTION_WORDS.has(w) || vehicleWords.has(w));
    })
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  let text = kept.join(' ').trim();
  if (!text && vehicle) text = `${vehicle.make} ${vehicle.model ?? ''}`.trim();
  if (!text) text = question.trim().replace(/\s+/g, ' ');
  return text.slice(0, max).trim();
}

/** The distinct words of a question worth matching in a product's text (folded, question words left out). */
export function questionTerms(question: string): string[] {
  return [...new Set(foldWords(question).split(' '))].filter((w) => w.length >= 2 && !QUESTION_WORDS.has(w));
}
