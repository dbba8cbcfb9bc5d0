// A deterministic catalog of automotive products for the search benchmarks: the same `count` and `seed`
// give the same products on every machine. Part numbers come in families (KB-70, KB-70A, KB-70B) and in the
// styles brands use (with or without a dash); vehicle parts carry fitments (year, make, model, submodel).
import { CATEGORIES, VEHICLES } from './catalog.js';

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 20261203;

/** Where the first family of a prefix starts, so that the examples of issue 12 exist (KB-70, BP-1234A). */
const FIRST_BASE = { KB: 70, BP: 1234 };
/** Brands whose part numbers have no dash (PH3614, DCD771). */
const UNDASHED = new Set(['PH', 'FL', 'DCD', 'XFD', 'NG', 'MOF', 'GWR']);
const SUFFIXES = ['', 'A', 'B', 'C'];

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A part number as compared: upper case, letters and digits only (`kb-70a` -> `KB70A`). */
export function normalizePartNumber(text) {
  return String(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Every (year, make, model, submodel) of the fitments of a product's applications. */
export function fitmentRows(product) {
  const rows = [];
  for (const app of product.applications)
    for (let year = app.yearFrom; year <= app.yearTo; year++)
      for (const submodel of app.submodels) rows.push({ year, make: app.make, model: app.model, submodel });
  return rows;
}

/** Whether the product fits that vehicle (any submodel); `make` is optional. */
export function fits(product, { year, make, model }) {
  return product.applications.some(
    (a) => a.model === model && (make === undefined || a.make === make) && year >= a.yearFrom && year <= a.yearTo,
  );
}

const MODELS = Object.entries(VEHICLES).flatMap(([make, models]) =>
  Object.entries(models).map(([model, spec]) => ({ make, model, ...spec })),
);

/**
 * The products: `{id, partNumber, brand, category, kind, name, description, attributes, priceMin, priceMax,
 * currency, applications: [{make, model, yearFrom, yearTo, submodels}]}` with ids 1..count.
 */
export function generateProducts({ count = DEFAULT_COUNT, seed = DEFAULT_SEED } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const totalWeight = CATEGORIES.reduce((s, c) => s + c.weight, 0);
  const pickCategory = () => {
    let r = random() * totalWeight;
    for (const c of CATEGORIES) if ((r -= c.weight) < 0) return c;
    return CATEGORIES[CATEGORIES.length - 1];
  };
  const nextBase = new Map();
  const products = [];

  while (products.length < count) {
    const category = pickCategory();
    const [brand, prefix] = pick(category.brands);
    const firstFamily = !nextBase.has(prefix);
    const base = firstFamily ? (FIRST_BASE[prefix] ?? between(10, 99)) : nextBase.get(prefix);
    nextBase.set(prefix, base + between(1, base < 100 ? 3 : base < 1000 ? 12 : 40));
    const kind = pick(category.kinds);
    const line = pick(category.lines);
    const attributes = Object.fromEntries(Object.entries(kind.attributes).map(([k, values]) => [k, pick(values)]));
    const applications = category.fits ? applicationsOf(random, pick, between) : [];
    const blurbs = [...category.blurbs].sort(() => random() - 0.5).slice(0, between(2, 3));
    const size = firstFamily ? 3 : random() < 0.25 ? between(2, 3) : 1;
    const priceMin = Math.round((category.price[0] + random() * (category.price[1] - category.price[0])) * 100) / 100;

    for (let v = 0; v < size && products.length < count; v++) {
      const variantAttributes = { ...attributes };
      // a variant differs from the base part in one attribute
      if (v > 0) {
        const [key, values] = pick(Object.entries(kind.attributes));
        variantAttributes[key] = values[(values.indexOf(attributes[key]) + v) % values.length];
      }
      const partNumber = `${prefix}${UNDASHED.has(prefix) ? '' : '-'}${base}${SUFFIXES[v]}`;
      const shown = Object.values(variantAttributes).slice(0, 2).join(' ');
      const name = `${brand} ${line} ${shown} ${kind.noun}`;
      const fitsText = applications.length
        ? ` Fits ${applications[0].yearFrom}-${applications[0].yearTo} ${applications[0].make} ${applications[0].model}.`
        : '';
      products.push({
        id: products.length + 1,
        partNumber,
        brand,
        category: category.name,
        kind: kind.noun,
        name,
        description: `${blurbs.join(' ')}${fitsText}`,
        attributes: variantAttributes,
        priceMin: Math.round(priceMin * (1 + v * 0.08) * 100) / 100,
        priceMax: Math.round(priceMin * (1 + v * 0.08) * (1.05 + random() * 0.35) * 100) / 100,
        currency: 'USD',
        applications,
      });
    }
  }
  return products;
}

/** One to three applications: a model over 2 to 6 of its years, all its submodels or some. */
function applicationsOf(random, pick, between) {
  const apps = [];
  for (let n = random() < 0.5 ? 1 : random() < 0.7 ? 2 : 3; apps.length < n;) {
    const m = pick(MODELS);
    const span = between(1, 5);
    const yearFrom = between(m.years[0], m.years[1] - span);
    const submodels = random() < 0.6 ? [...m.submodels] : m.submodels.filter(() => random() < 0.6);
    if (submodels.length === 0) submodels.push(m.submodels[0]);
    apps.push({ make: m.make, model: m.model, yearFrom, yearTo: yearFrom + span, submodels });
  }
  return apps;
}
