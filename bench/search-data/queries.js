// The labelled query set of the search benchmark: part numbers (exact, unpunctuated, partial), typos,
// vehicle questions and questions of meaning, each with an intent from which the relevance of every
// generated product follows (gradeOf): 3 the part asked for, 2 relevant, 1 partly relevant, 0 not.
import { fits, normalizePartNumber, rng } from './generate.js';

const PART = /^([A-Z]+)(\d+)([A-Z]?)$/;

/** The prefix and number of a part number without its variant letter (`KB-70A` -> `KB70`). */
export function partFamily(partNumber) {
  const m = PART.exec(normalizePartNumber(partNumber));
  return m ? `${m[1]}${m[2]}` : normalizePartNumber(partNumber);
}

/** Hand-written queries: typos, vehicles and meaning. Their intents name the generator's categories and kinds. */
const WRITTEN = [
  // typos
  ['typo', 'cermic brake pad', { categories: { 'Brake Pads': 2 }, attributes: { material: 'Ceramic' } }],
  ['typo', 'brake roter', { categories: { 'Brake Rotors': 2 } }],
  ['typo', 'oil filtr', { categories: { 'Oil Filters': 2 } }],
  ['typo', 'iridum spark plugs', { categories: { 'Spark Plugs': 2 }, attributes: { electrode: 'Iridium' } }],
  ['typo', 'wipper blades', { categories: { 'Wiper Blades': 2 } }],
  ['typo', 'alternater', { kinds: { Alternator: 2 } }],
  ['typo', 'thermostst', { kinds: { 'Engine Thermostat': 2 } }],
  ['typo', 'catalitic converter', { kinds: { 'Catalytic Converter': 2 } }],
  ['typo', 'serpentine blet', { kinds: { 'Serpentine Belt': 2 } }],
  ['typo', 'cabin air fliter', { kinds: { 'Cabin Air Filter': 2 } }],
  ['typo', 'shock absorbor', { kinds: { 'Shock Absorber': 2, 'Strut Assembly': 1 } }],
  ['typo', 'ignision coil', { categories: { 'Ignition Coils': 2 } }],
  ['typo', 'torqe wrench', { kinds: { 'Click Torque Wrench': 2 } }],
  ['typo', 'radiater', { kinds: { Radiator: 2 } }],
  // vehicles
  [
    'vehicle',
    'brake pads for a 2016 Civic',
    { categories: { 'Brake Pads': 2 }, vehicle: { year: 2016, model: 'Civic' } },
  ],
  ['vehicle', '2018 camry oil filter', { categories: { 'Oil Filters': 2 }, vehicle: { year: 2018, model: 'Camry' } }],
  [
    'vehicle',
    'front struts 2014 F-150',
    { kinds: { 'Strut Assembly': 2 }, attributes: { position: 'Front' }, vehicle: { year: 2014, model: 'F-150' } },
  ],
  [
    'vehicle',
    'spark plugs 2012 Honda Accord',
    { categories: { 'Spark Plugs': 2 }, vehicle: { year: 2012, make: 'Honda', model: 'Accord' } },
  ],
  [
    'vehicle',
    'wiper blades for 2019 RAV4',
    { categories: { 'Wiper Blades': 2 }, vehicle: { year: 2019, model: 'RAV4' } },
  ],
  [
    'vehicle',
    'battery for a 2015 Jeep Wrangler',
    { categories: { Batteries: 2 }, vehicle: { year: 2015, make: 'Jeep', model: 'Wrangler' } },
  ],
  [
    'vehicle',
    'rotors 2017 silverado 1500',
    { categories: { 'Brake Rotors': 2 }, vehicle: { year: 2017, model: 'Silverado 1500' } },
  ],
  [
    'vehicle',
    'air filter 2013 toyota corolla',
    {
      kinds: { 'Engine Air Filter': 2, 'Cabin Air Filter': 1 },
      vehicle: { year: 2013, make: 'Toyota', model: 'Corolla' },
    },
  ],
  [
    'vehicle',
    'alternator 2010 Nissan Altima',
    { kinds: { Alternator: 2 }, vehicle: { year: 2010, make: 'Nissan', model: 'Altima' } },
  ],
  [
    'vehicle',
    'headlight bulb 2016 Mazda3',
    { categories: { 'Headlight Bulbs': 2 }, vehicle: { year: 2016, model: 'Mazda3' } },
  ],
  [
    'vehicle',
    'water pump for 2011 Ford Escape',
    { kinds: { 'Water Pump': 2 }, vehicle: { year: 2011, make: 'Ford', model: 'Escape' } },
  ],
  [
    'vehicle',
    'timing belt kit 2014 Subaru Outback',
    { kinds: { 'Timing Belt Kit': 2 }, vehicle: { year: 2014, make: 'Subaru', model: 'Outback' } },
  ],
  [
    'vehicle',
    'cabin air filter 2020 Honda CR-V',
    { kinds: { 'Cabin Air Filter': 2 }, vehicle: { year: 2020, make: 'Honda', model: 'CR-V' } },
  ],
  [
    'vehicle',
    'brake pads 2015 BMW 3 Series',
    { categories: { 'Brake Pads': 2 }, vehicle: { year: 2015, make: 'BMW', model: '3 Series' } },
  ],
  [
    'vehicle',
    'control arm 2013 Chevy Malibu',
    { categories: { 'Control Arms': 2 }, vehicle: { year: 2013, make: 'Chevrolet', model: 'Malibu' } },
  ],
  [
    'vehicle',
    'starter for 2012 Ram 1500',
    { kinds: { 'Starter Motor': 2 }, vehicle: { year: 2012, make: 'Ram', model: '1500' } },
  ],
  // meaning
  [
    'meaning',
    'battery powered screwdriver',
    { kinds: { 'Cordless Screwdriver': 2, 'Cordless Drill/Driver Kit': 2, 'Brushless Impact Driver': 1 } },
  ],
  ['meaning', 'tool to read check engine codes', { kinds: { 'OBD2 Code Reader': 2 } }],
  ['meaning', 'lift the car to change a tire', { kinds: { 'Floor Jack': 2, 'Jack Stands (Pair)': 1 } }],
  ['meaning', 'keep the windshield clear in the rain', { categories: { 'Wiper Blades': 2 } }],
  ['meaning', 'engine running too hot', { categories: { 'Cooling System': 2 }, kinds: { 'Antifreeze Coolant': 1 } }],
  ['meaning', 'car will not start on cold mornings', { categories: { Batteries: 2 }, kinds: { 'Starter Motor': 1 } }],
  ['meaning', 'squealing noise when I stop', { categories: { 'Brake Pads': 2, 'Brake Rotors': 1 } }],
  ['meaning', 'bouncy ride over bumps', { categories: { 'Shocks & Struts': 2 } }],
  ['meaning', 'see better at night while driving', { categories: { 'Headlight Bulbs': 2 } }],
  ['meaning', 'stop pollen coming through the vents', { kinds: { 'Cabin Air Filter': 2 } }],
  ['meaning', 'tighten wheel nuts to spec', { kinds: { 'Click Torque Wrench': 2, 'Brushless Impact Driver': 1 } }],
  ['meaning', 'oil change supplies', { categories: { 'Oil Filters': 2 }, kinds: { 'Full Synthetic Motor Oil': 2 } }],
  ['meaning', 'quieter exhaust', { kinds: { Muffler: 2 } }],
  [
    'meaning',
    'charging system not keeping battery charged',
    { kinds: { Alternator: 2 }, categories: { Batteries: 1 } },
  ],
  ['meaning', 'rough idle and misfire', { categories: { 'Spark Plugs': 2, 'Ignition Coils': 2 } }],
  ['meaning', 'wrenches and sockets for a home mechanic', { categories: { 'Hand Tools': 2 } }],
];

/**
 * The queries for a generated catalog: the hand-written ones, the part numbers of issue 12 (KB-70, kb70,
 * KB70-A, BP-1234A) and part numbers of products drawn from the catalog with `seed`, written as they are,
 * unpunctuated, spaced, and cut short. Each: `{id, kind, text, intent}`.
 */
export function buildQueries(products, { seed = 7 } = {}) {
  const queries = [];
  const add = (kind, text, intent) =>
    queries.push({ id: `q${String(queries.length + 1).padStart(2, '0')}`, kind, text, intent });
  add('part-number', 'KB-70', { partNumber: 'KB70' });
  add('part-number', 'kb70', { partNumber: 'KB70' });
  add('part-number', 'KB70-A', { partNumber: 'KB70A' });
  add('part-number', 'BP-1234A', { partNumber: 'BP1234A' });
  add('part-number', 'bp 1234', { partNumber: 'BP1234' });
  add('partial-part-number', 'BP-123', { partNumberPrefix: 'BP123' });
  const random = rng(seed);
  const styles = ['as-is', 'unpunctuated', 'spaced', 'partial'];
  for (let i = 0; i < 12; i++) {
    const p = products[Math.floor(random() * products.length)];
    const norm = normalizePartNumber(p.partNumber);
    const style = styles[i % styles.length];
    if (style === 'partial') {
      // the first characters of the number, at least the prefix and two digits
      const [, prefix, digits] = PART.exec(norm);
      const cut = `${prefix}${digits.slice(0, Math.max(2, digits.length - 1))}`;
      add('partial-part-number', `${p.partNumber.slice(0, p.partNumber.length - (norm.length - cut.length))}`, {
        partNumberPrefix: cut,
      });
    } else {
      const text =
        style === 'as-is'
          ? p.partNumber
          : style === 'unpunctuated'
            ? norm.toLowerCase()
            : p.partNumber.replace('-', ' ').replace(/^([A-Z]+)(\d)/, '$1 $2');
      add('part-number', text, { partNumber: norm });
    }
  }
  for (const [kind, text, intent] of WRITTEN) add(kind, text, intent);
  return queries;
}

/** The relevance of `product` to a query intent: 0 (not relevant) to 3 (the very part). */
export function gradeOf(intent, product, norm = normalizePartNumber(product.partNumber)) {
  if (intent.partNumber) {
    if (norm === intent.partNumber) return 3;
    return partFamily(norm) === partFamily(intent.partNumber) ? 1 : 0;
  }
  if (intent.partNumberPrefix) return norm.startsWith(intent.partNumberPrefix) ? 2 : 0;
  const base = Math.max(intent.kinds?.[product.kind] ?? 0, intent.categories?.[product.category] ?? 0);
  if (base === 0) return 0;
  if (intent.vehicle && !fits(product, intent.vehicle)) return 0;
  if (intent.attributes && !Object.entries(intent.attributes).every(([k, v]) => product.attributes[k] === v))
    return base - 1;
  return base;
}

/** Query id -> (product id -> grade) of the products with a grade above 0. */
export function judge(queries, products) {
  const out = new Map();
  const norms = products.map((p) => normalizePartNumber(p.partNumber));
  for (const q of queries) {
    const grades = new Map();
    for (let i = 0; i < products.length; i++) {
      const p = products[i];
      const g = gradeOf(q.intent, p, norms[i]);
      if (g > 0) grades.set(p.id, g);
    }
    out.set(q.id, grades);
  }
  return out;
}
