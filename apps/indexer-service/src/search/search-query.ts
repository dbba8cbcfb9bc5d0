import type { SearchProductsQueryDto } from '@torque/contracts';
import { MIN_PARTIAL_CODE, normalizePartNumber, partNumberCandidates } from '../documents/part-number.js';

/** A search as the repository runs it: the text, its part-number readings and the filters, folded. */
export interface SearchQuery {
  text: string;
  /** Normalized codes compared with whole part numbers. */
  codes: string[];
  /** Codes with letters and digits (`kb70`), also looked for among the codes of names and descriptions. */
  textCodes: string[];
  /**
   * LIKE patterns of codes with digits long enough to match as prefixes (`kb70%`) and inside part numbers
   * (`%kb70%`).
   */
  prefixPatterns: string[];
  infixPatterns: string[];
  filters: {
    brand?: string;
    category?: string;
    priceMin?: number;
    priceMax?: number;
    /** Containment patterns of `vehicle_keys` (any of them): one, or two when a submodel is asked for. */
    vehicleKeys?: Record<string, string | number>[];
  };
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();

/** The text of a search and its part-number readings (`withText` rebuilds them for a corrected text). */
function textParts(
  raw: string,
): Pick<SearchQuery, 'text' | 'codes' | 'textCodes' | 'prefixPatterns' | 'infixPatterns'> {
  const text = raw.trim().replace(/\s+/g, ' ');
  const codes = partNumberCandidates(text);
  // Partial matches are for codes with digits (`kb70`, `1234`): words run together (`cermicbrakepad`) are no part
  // number. In a sentence ("brake pads for a 2016 civic") a bare number is a year or a size.
  const sentence = text.includes(' ');
  const long = codes.filter((c) => c.length >= MIN_PARTIAL_CODE && /\p{N}/u.test(c) && !(sentence && /^\d+$/.test(c)));
  return {
    text,
    codes,
    // the whole text as one code is a part number typed with spaces (`KB 70 A`), not a sentence run together
    textCodes: codes.filter(
      (c) => /\p{L}/u.test(c) && /\p{N}/u.test(c) && (c !== normalizePartNumber(text) || text.split(' ').length <= 3),
    ),
    prefixPatterns: long.map((c) => `${c}%`),
    infixPatterns: long.filter((c) => c.length >= MIN_PARTIAL_CODE + 1).map((c) => `%${c}%`),
  };
}

/** The same search with another text (the query with its words corrected), filters kept. */
export function withText(q: SearchQuery, text: string): SearchQuery {
  return { ...q, ...textParts(text) };
}

/** Reads a validated query into what the SQL needs; pure. */
export function toSearchQuery(dto: SearchProductsQueryDto): SearchQuery {
  const vehicle: Record<string, string | number> = {};
  if (dto.year !== undefined) vehicle.y = dto.year;
  if (dto.make !== undefined) vehicle.mk = fold(dto.make);
  if (dto.model !== undefined) vehicle.md = fold(dto.model);
  let vehicleKeys: Record<string, string | number>[] | undefined;
  if (Object.keys(vehicle).length > 0 || dto.submodel !== undefined) {
    // A fitment without a submodel fits every submodel of its vehicle.
    vehicleKeys =
      dto.submodel === undefined
        ? [vehicle]
        : [
            { ...vehicle, sm: fold(dto.submodel) },
            { ...vehicle, sm: '' },
          ];
  }
  return {
    ...textParts(dto.q),
    filters: {
      brand: dto.brand?.trim(),
      category: dto.category?.trim(),
      priceMin: dto.price_min,
      priceMax: dto.price_max,
      vehicleKeys,
    },
  };
}

/** Matched words are wrapped in these by ts_headline, then HTML-escaped text gets `<mark>` in their place. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** ts_headline output with the sentinels made `<mark>`, everything else HTML-escaped. */
export function markHighlights(headline: string): string {
  const escaped = headline
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped.split(MARK_START).join('<mark>').split(MARK_END).join('</mark>');
}
