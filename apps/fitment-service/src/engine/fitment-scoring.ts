import type { ModelOption, Statement } from './fitment-statements.js';

/**
 * Confidence of a statement's reading of a model: high for a name with its make and stated years,
 * lower for each guess the reading needed (alias, typo, inferred make, years not stated).
 */
export function confidenceOf(st: Statement, o: ModelOption): number {
  let c = 0.97;
  const m = st.model;
  const hit = m.makeItem?.hits.find((h) => h.make.id === o.model.make.id);
  if (m.makeItem && hit) {
    c -= { name: 0, alias: 0.01, former: 0.02, misspelling: 0.04, fuzzy: 0.07 }[hit.kind];
    if (!m.makeAdjacent) c -= 0.01;
  } else if (m.makeItem && m.makeAdjacent) {
    c -= 0.15;
  } else {
    c -= 0.05;
  }
  c -= {
    name: 0,
    alias: 0.02,
    former: 0.02,
    misspelling: 0.05,
    fuzzy: 0.08 * o.typos,
    submodel: 0.04,
    lineage: 0.03,
  }[o.via];
  if (m.viaList) c -= 0.03;
  if (st.yearsVia === 'stated' && st.years) {
    if (st.years.twoDigit) c -= 0.02;
    if (st.years.open) c -= 0.03;
  } else if (st.yearsVia === 'inherited') {
    c -= 0.08;
  } else if (st.yearsVia === 'tag') {
    c -= 0.05;
  } else if (st.yearsVia === 'all') {
    c -= 0.08;
  }
  if (st.field === 'attributes') c += 0.01;
  return c;
}

/** Keeps a confidence between 0.05 and 0.99. */
export function clamp(c: number): number {
  return Math.max(0.05, Math.min(0.99, c));
}

/** Two decimals, as fitments store it. */
export function round(c: number): number {
  return Math.round(c * 100) / 100;
}
