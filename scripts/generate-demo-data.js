#!/usr/bin/env node
// Writes the demo catalog (demo/catalog-products.csv) and a demo procurement file (demo/procurement-demo.csv):
// realistic automotive parts with fitment text in their descriptions, and purchase order lines over a dozen
// suppliers that order those parts. Deterministic (seeded PRNG, no clock, no network): the same files every run.
//
//   node scripts/generate-demo-data.js [--out demo]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = 20250314;
const TARGET_PO_LINES = 500;
const PURCHASE_ORDERS = 40;

/** mulberry32: small, fast, good enough for demo data, and the same sequence everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? int(1, 9) : int(0, 9))).join('');
const letter = () => pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''));
const round = (x, step = 0.01) => Math.round(x / step) * step;
const money = (x) => round(x).toFixed(2);
const shuffle = (list) => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

// Vehicles with their real model years (of the generation) and engines.
const VEHICLES = [
  { make: 'Honda', model: 'Civic', from: 2016, to: 2021, engines: ['2.0L', '1.5L Turbo'], note: 'exc. Type R' },
  { make: 'Honda', model: 'Civic', from: 2006, to: 2011, engines: ['1.8L'] },
  { make: 'Honda', model: 'Accord', from: 2018, to: 2022, engines: ['1.5L Turbo', '2.0L Turbo'] },
  { make: 'Honda', model: 'Accord', from: 2013, to: 2017, engines: ['2.4L', '3.5L V6'], timingBelt: '3.5L V6' },
  { make: 'Honda', model: 'CR-V', from: 2017, to: 2022, engines: ['1.5L Turbo'] },
  { make: 'Toyota', model: 'Camry', from: 2018, to: 2024, engines: ['2.5L', '3.5L V6'] },
  { make: 'Toyota', model: 'Camry', from: 2012, to: 2017, engines: ['2.5L', '3.5L V6'] },
  { make: 'Toyota', model: 'Corolla', from: 2014, to: 2019, engines: ['1.8L'] },
  { make: 'Toyota', model: 'RAV4', from: 2019, to: 2024, engines: ['2.5L'] },
  { make: 'Toyota', model: 'Tacoma', from: 2016, to: 2023, engines: ['2.7L', '3.5L V6'] },
  { make: 'Toyota', model: 'Tundra', from: 2007, to: 2021, engines: ['4.6L V8', '5.7L V8'] },
  { make: 'Ford', model: 'F-150', from: 2015, to: 2020, engines: ['2.7L EcoBoost', '3.5L EcoBoost', '5.0L V8'] },
  { make: 'Ford', model: 'F-150', from: 2009, to: 2014, engines: ['4.6L', '5.4L', '5.0L', '3.5L EcoBoost'] },
  { make: 'Ford', model: 'Escape', from: 2013, to: 2019, engines: ['1.6L EcoBoost', '2.0L EcoBoost', '2.5L'] },
  { make: 'Ford', model: 'Mustang', from: 2015, to: 2023, engines: ['2.3L EcoBoost', '5.0L V8'] },
  { make: 'Ford', model: 'Explorer', from: 2011, to: 2019, engines: ['3.5L V6', '2.3L EcoBoost'] },
  { make: 'Chevrolet', model: 'Silverado 1500', from: 2007, to: 2013, engines: ['4.8L', '5.3L', '6.2L'] },
  { make: 'Chevrolet', model: 'Silverado 1500', from: 2014, to: 2018, engines: ['4.3L V6', '5.3L', '6.2L'] },
  { make: 'Chevrolet', model: 'Malibu', from: 2016, to: 2022, engines: ['1.5L Turbo', '2.0L Turbo'] },
  { make: 'Chevrolet', model: 'Equinox', from: 2018, to: 2024, engines: ['1.5L Turbo'] },
  { make: 'Chevrolet', model: 'Tahoe', from: 2015, to: 2020, engines: ['5.3L', '6.2L'] },
  { make: 'GMC', model: 'Sierra 1500', from: 2014, to: 2018, engines: ['5.3L', '6.2L'] },
  { make: 'Ram', model: '1500', from: 2019, to: 2024, engines: ['3.6L V6', '5.7L HEMI'] },
  { make: 'Jeep', model: 'Wrangler', chassis: 'JL', from: 2018, to: 2024, engines: ['3.6L V6', '2.0L Turbo'] },
  { make: 'Jeep', model: 'Grand Cherokee', chassis: 'WK2', from: 2011, to: 2021, engines: ['3.6L V6', '5.7L HEMI'] },
  { make: 'Nissan', model: 'Altima', from: 2013, to: 2018, engines: ['2.5L', '3.5L V6'] },
  { make: 'Nissan', model: 'Rogue', from: 2014, to: 2020, engines: ['2.5L'] },
  { make: 'Subaru', model: 'Outback', from: 2015, to: 2019, engines: ['2.5L', '3.6L'] },
  { make: 'Subaru', model: 'Forester', from: 2014, to: 2018, engines: ['2.5L', '2.0L Turbo'] },
  { make: 'Volkswagen', model: 'Jetta', from: 2011, to: 2018, engines: ['2.0L', '2.5L', '1.8T', '1.4T'] },
  { make: 'Volkswagen', model: 'Golf GTI', chassis: 'Mk7', from: 2015, to: 2021, engines: ['2.0T'] },
  { make: 'BMW', model: '328i', chassis: 'F30', from: 2012, to: 2016, engines: ['2.0L Turbo'] },
  { make: 'Hyundai', model: 'Elantra', from: 2017, to: 2020, engines: ['2.0L'] },
  { make: 'Hyundai', model: 'Sonata', from: 2015, to: 2019, engines: ['2.4L', '2.0T'] },
  { make: 'Kia', model: 'Sorento', from: 2016, to: 2020, engines: ['2.4L', '3.3L V6', '2.0T'] },
  { make: 'Mazda', model: 'CX-5', from: 2017, to: 2024, engines: ['2.5L', '2.5L Turbo'] },
  { make: 'Dodge', model: 'Charger', from: 2011, to: 2023, engines: ['3.6L V6', '5.7L HEMI'] },
];
const SHORT_MAKE = { Chevrolet: 'Chevy', Volkswagen: 'VW' };
const yy = (year) => String(year % 100).padStart(2, '0');
const sameMake = (v) => VEHICLES.filter((o) => o !== v && o.make === v.make);

/** Fitment text in the many ways real catalogs and suppliers write it. */
function fitmentText(v, opts = {}) {
  const engine = opts.engine ?? pick(v.engines);
  const makeShort = SHORT_MAKE[v.make] ?? v.make;
  const forms = [
    () => `Fits ${v.from}-${v.to} ${v.make} ${v.model}${v.note ? ` (${v.note})` : ''}`,
    () => `for ${yy(v.from)}-${yy(v.to)} ${makeShort} ${v.model} ${engine}`,
    () => `${v.make} ${v.model} ${v.from}-${v.to} (${v.engines.join(', ')})`,
    () => `${makeShort} ${v.model} ${v.from}-${v.to}`,
    () => `Compatible with ${v.make} ${v.model} (${v.from}–${v.to})`,
    () => `OE replacement for ${v.from}-${v.to} ${v.make} ${v.model} ${engine}`,
    () => `Years: ${v.from}-${v.to} | Make: ${v.make} | Model: ${v.model} | Engine: ${engine}`,
    () => `Fitment: ${v.make} ${v.model}${v.chassis ? ` ${v.chassis}` : ''}, ${v.from} thru ${v.to}`,
  ];
  if (v.to >= 2023) forms.push(() => `${v.from}+ ${v.make} ${v.model}`);
  if (v.chassis) forms.push(() => `${v.make} ${v.model} (${v.chassis}) ${v.from}-${v.to}`);
  let text = pick(forms)();
  if (opts.alsoFits) {
    const o = opts.alsoFits;
    text += `; also fits ${o.from}-${o.to} ${o.make} ${o.model}`;
  }
  return text;
}

// Part families that fit particular vehicles. Each brand writes part numbers its own way; a list of
// product lines means one is picked per product.
const POSITIONS = ['Front', 'Rear'];
const VEHICLE_PARTS = [
  {
    category: 'Brake Rotors',
    cost: [28, 120],
    brands: [
      { brand: 'Brembo', pn: () => `09.${letter()}${digits(3)}.${int(10, 99)}`, line: 'UV Coated' },
      { brand: 'ACDelco', pn: () => `18A${digits(4)}A`, line: 'Advantage' },
      { brand: 'Motorcraft', pn: () => `BRRF-${digits(3)}`, line: '' },
      { brand: 'Wagner', pn: () => `BD${digits(6)}E`, line: 'Premium E-Coated' },
      { brand: 'Bosch', pn: () => `${int(20, 50)}0${digits(5)}`, line: 'QuietCast' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const vented = position === 'Front' || chance(0.3);
      return {
        name: `${b.line ? `${b.line} ` : ''}${position} Disc Brake Rotor${vented ? ', Vented' : ', Solid'}`,
        lead: `${vented ? 'Vented' : 'Solid'} ${position.toLowerCase()} rotor, balanced and ready to install`,
        attributes: {
          position,
          material: 'G3000 grey cast iron',
          diameter_mm: int(26, 35) * 10 + pick([0, 5]),
          thickness_mm: vented ? pick([22, 25, 28, 30, 32]) : pick([9, 10, 12]),
          vented,
          bolt_holes: pick([5, 5, 5, 6]),
          ...(b.line.includes('Coat') ? { coating: b.brand === 'Brembo' ? 'UV' : 'E-coat' } : {}),
        },
      };
    },
  },
  {
    category: 'Brake Pads',
    cost: [18, 75],
    brands: [
      { brand: 'Bosch', pn: () => `BC${digits(pick([3, 4]))}`, line: 'QuietCast Premium' },
      { brand: 'Wagner', pn: () => `QC${digits(4)}`, line: 'ThermoQuiet' },
      { brand: 'Brembo', pn: () => `P${digits(5)}N`, line: 'NAO' },
      { brand: 'ACDelco', pn: () => `17D${digits(4)}CH`, line: 'Gold' },
      { brand: 'Motorcraft', pn: () => `BRF-${digits(4)}`, line: 'Standard' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const compound = pick(['Ceramic', 'Ceramic', 'Semi-Metallic']);
      return {
        name: `${b.line} ${compound} Disc Brake Pad Set - ${position}`,
        lead: `${compound} pads with ${chance(0.6) ? 'shims and hardware' : 'hardware'} included; low dust, low noise`,
        attributes: { position, compound, hardware_included: true, wear_sensor: chance(0.4), pieces: 4 },
      };
    },
  },
  {
    category: 'Brake Calipers',
    cost: [35, 140],
    brands: [
      { brand: 'ACDelco', pn: () => `18FR${digits(4)}`, line: 'Professional' },
      { brand: 'Cardone', pn: () => `18-B${digits(4)}`, line: 'Remanufactured' },
      { brand: 'Wagner', pn: () => `TQM${digits(5)}`, line: 'OEX' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const side = pick(['Left', 'Right']);
      return {
        name: `${b.line} Disc Brake Caliper - ${position} ${side}`,
        lead: `${position} ${side.toLowerCase()} caliper${chance(0.5) ? ' with bracket' : ''}, pressure tested`,
        attributes: {
          position,
          side,
          pistons: position === 'Front' ? pick([1, 2]) : 1,
          bracket_included: chance(0.5),
          finish: pick(['Zinc', 'Black E-coat']),
        },
      };
    },
  },
  {
    category: 'Oil Filters',
    cost: [3.5, 14],
    shared: true,
    brands: [
      {
        brand: 'Fram',
        pn: () => `${pick(['PH', 'XG', 'TG'])}${digits(4)}`,
        line: ['Extra Guard', 'Ultra Synthetic', 'Tough Guard'],
      },
      { brand: 'Wix', pn: () => `${pick(['51', '57'])}${digits(3)}`, line: 'XP' },
      { brand: 'Motorcraft', pn: () => `FL-${digits(3)}S`, line: '' },
      { brand: 'ACDelco', pn: () => `PF${digits(pick([2, 3, 4]))}`, line: 'Professional' },
      { brand: 'K&N', pn: () => `HP-${digits(4)}`, line: 'Performance Gold' },
      { brand: 'Bosch', pn: () => `33${digits(2)}`, line: 'Premium' },
    ],
    make(b) {
      const cartridge = chance(0.2);
      return {
        name: `${b.line ? `${b.line} ` : ''}${cartridge ? 'Cartridge' : 'Spin-On'} Engine Oil Filter`,
        lead: `${cartridge ? 'Cartridge element' : 'Spin-on filter'} for conventional and synthetic oil${chance(0.5) ? ', silicone anti-drainback valve' : ''}`,
        attributes: cartridge
          ? { type: 'Cartridge', height_mm: int(60, 120), od_mm: int(52, 70) }
          : {
              type: 'Spin-on',
              thread: pick(['3/4-16 UNF', 'M20x1.5', '13/16-16 UN']),
              height_mm: int(65, 125),
              od_mm: int(66, 96),
              anti_drainback: true,
            },
      };
    },
  },
  {
    category: 'Air Filters',
    cost: [7, 45],
    brands: [
      { brand: 'Fram', pn: () => `CA${digits(5)}`, line: 'Extra Guard' },
      { brand: 'Wix', pn: () => `49${digits(3)}`, line: '' },
      { brand: 'K&N', pn: () => `33-${digits(4)}`, line: 'Washable High-Flow' },
      { brand: 'ACDelco', pn: () => `A${digits(4)}C`, line: 'Gold' },
      { brand: 'Motorcraft', pn: () => `FA-${digits(4)}`, line: '' },
    ],
    make(b) {
      const kn = b.brand === 'K&N';
      return {
        name: `${b.line ? `${b.line} ` : ''}Engine Air Filter`,
        lead: kn ? 'Oiled cotton gauze, washable and reusable' : 'Panel filter with pleated cellulose media',
        attributes: {
          shape: 'Panel',
          media: kn ? 'Cotton gauze' : 'Cellulose',
          length_mm: int(22, 36) * 10,
          width_mm: int(15, 26) * 10,
          reusable: kn,
        },
      };
    },
  },
  {
    category: 'Cabin Air Filters',
    cost: [6, 28],
    brands: [
      { brand: 'Fram', pn: () => `CF${digits(5)}`, line: 'Fresh Breeze' },
      { brand: 'Wix', pn: () => `24${digits(3)}`, line: '' },
      { brand: 'Bosch', pn: () => `${pick(['5', '6'])}${digits(3)}${pick(['C', 'A', ''])}`, line: 'HEPA' },
      { brand: 'Denso', pn: () => `453-${digits(4)}`, line: '' },
    ],
    make(b) {
      const carbon = chance(0.5);
      return {
        name: `${b.line ? `${b.line} ` : ''}Cabin Air Filter${carbon ? ' with Activated Carbon' : ''}`,
        lead: carbon ? 'Traps dust, pollen and odours' : 'Traps dust and pollen',
        attributes: {
          media: carbon ? 'Activated carbon' : 'Particulate',
          length_mm: int(18, 28) * 10,
          width_mm: int(18, 25) * 10,
        },
      };
    },
  },
  {
    category: 'Fuel Filters',
    cost: [8, 40],
    older: true,
    brands: [
      { brand: 'Wix', pn: () => `33${digits(3)}`, line: '' },
      { brand: 'Fram', pn: () => `G${digits(4)}`, line: '' },
      { brand: 'Motorcraft', pn: () => `FG-${digits(3)}`, line: '' },
      { brand: 'ACDelco', pn: () => `GF${digits(3)}`, line: 'Professional' },
    ],
    make(b) {
      return {
        name: `${b.line ? `${b.line} ` : ''}In-Line Fuel Filter`,
        lead: 'In-line fuel filter with quick-connect fittings',
        attributes: {
          type: 'In-line',
          fittings: pick(['5/16 in quick-connect', '3/8 in quick-connect']),
          micron: pick([10, 15]),
        },
      };
    },
  },
  {
    category: 'Spark Plugs',
    cost: [3, 16],
    brands: [
      {
        brand: 'NGK',
        pn: () => `9${digits(4)}`,
        line: ['Laser Iridium', 'Ruthenium HX', 'G-Power Platinum'],
        code: () =>
          `${pick(['ILKAR', 'LKR', 'DILKAR', 'ILZKR'])}${int(6, 8)}${pick(['A', 'B', 'C', 'D'])}${pick(['11', '8', ''])}`,
      },
      {
        brand: 'Denso',
        pn: () => `${pick(['3', '4', '5'])}${digits(3)}`,
        line: ['Iridium TT', 'Iridium Long Life'],
        code: () => `${pick(['IK', 'SK', 'FK'])}${int(16, 22)}${pick(['TT', 'HR11', ''])}`,
      },
      {
        brand: 'Bosch',
        pn: () => `9${digits(3)}`,
        line: 'Double Iridium',
        code: () => `${pick(['FR', 'YR', 'HR'])}${int(6, 8)}${pick(['KI', 'NI'])}${int(33, 36)}2`,
      },
      { brand: 'ACDelco', pn: () => `41-${digits(3)}`, line: 'Professional Iridium', code: () => '' },
      {
        brand: 'Motorcraft',
        pn: () => `SP-${digits(3)}`,
        line: 'Platinum',
        code: () => `${pick(['CYFS', 'AYFS', 'PZT'])}-${int(12, 32)}${pick(['FM', 'F', 'Y'])}`,
      },
    ],
    make(b) {
      const code = b.code();
      const electrode = b.line.includes('Platinum')
        ? 'Platinum'
        : b.line.includes('Ruthenium')
          ? 'Ruthenium'
          : 'Iridium';
      return {
        name: `${b.line} Spark Plug${code ? ` ${code}` : ''}`,
        lead: `${electrode} fine-wire center electrode, pre-gapped`,
        attributes: {
          electrode,
          gap_mm: pick([0.7, 0.8, 0.9, 1.0, 1.1]),
          thread_mm: pick([12, 14, 14]),
          reach_mm: pick([19, 26.5]),
          hex_mm: pick([14, 16]),
          resistor: true,
        },
      };
    },
  },
  {
    category: 'Ignition Coils',
    cost: [18, 70],
    brands: [
      { brand: 'Denso', pn: () => `673-${digits(4)}`, line: 'OE Quality' },
      { brand: 'Bosch', pn: () => `0221${digits(6)}`, line: '' },
      { brand: 'ACDelco', pn: () => `D${digits(3)}${pick(['A', 'C', 'D'])}`, line: 'GM Original Equipment' },
      { brand: 'Motorcraft', pn: () => `DG-${digits(3)}`, line: '' },
      { brand: 'NGK', pn: () => `U${digits(4)}`, line: '' },
    ],
    make(b) {
      return {
        name: `${b.line ? `${b.line} ` : ''}Ignition Coil, Coil-on-Plug`,
        lead: 'Coil-on-plug ignition coil with boot',
        attributes: { type: 'Coil-on-plug', connector_pins: pick([3, 4]), boot_included: true },
      };
    },
  },
  {
    category: 'Shocks & Struts',
    cost: [38, 190],
    brands: [
      { brand: 'Monroe', pn: () => `${pick(['17', '27'])}${digits(4)}`, line: 'Quick-Strut' },
      { brand: 'Monroe', pn: () => `5${digits(4)}`, line: 'OESpectrum' },
      { brand: 'KYB', pn: () => `SR${digits(4)}`, line: 'Strut-Plus' },
      { brand: 'KYB', pn: () => `33${digits(4)}`, line: 'Excel-G' },
      { brand: 'Bilstein', pn: () => `24-${digits(6)}`, line: 'B4 OE Replacement' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const assembly = b.line.includes('Quick') || b.line.includes('Plus');
      const kind = assembly ? 'Complete Strut Assembly' : position === 'Front' ? 'Strut' : 'Shock Absorber';
      const side = assembly && position === 'Front' ? pick(['Left', 'Right']) : null;
      return {
        name: `${b.line} ${kind} - ${position}${side ? ` ${side}` : ''}`,
        lead: assembly
          ? 'Pre-assembled with spring, mount and boot; no spring compressor needed'
          : 'Twin-tube gas-charged damper',
        attributes: { position, ...(side ? { side } : {}), assembly, gas_charged: true },
      };
    },
  },
  {
    category: 'Control Arms',
    cost: [30, 150],
    brands: [
      { brand: 'Moog', pn: () => `RK${digits(6)}`, line: 'Problem Solver' },
      { brand: 'ACDelco', pn: () => `45D${digits(4)}`, line: 'Professional' },
      { brand: 'Mevotech', pn: () => `CMS${digits(5)}`, line: 'Supreme' },
    ],
    make(b) {
      const which = pick(['Front Lower', 'Front Lower', 'Front Upper', 'Rear Upper']);
      const side = pick(['Left', 'Right']);
      const joint = chance(0.7);
      return {
        name: `${b.line} Control Arm${joint ? ' and Ball Joint Assembly' : ''} - ${which} ${side}`,
        lead: `${`${which} ${side}`.toLowerCase().replace(/^./, (c) => c.toUpperCase())} control arm${joint ? ' with pre-installed ball joint and bushings' : ' with bushings'}`,
        attributes: {
          position: which,
          side,
          ball_joint_included: joint,
          material: pick(['Stamped steel', 'Forged aluminum', 'Cast iron']),
        },
      };
    },
  },
  {
    category: 'Oxygen Sensors',
    cost: [22, 110],
    brands: [
      { brand: 'Bosch', pn: () => `1${digits(4)}`, line: 'OE Fitment' },
      { brand: 'Denso', pn: () => `234-${digits(4)}`, line: '' },
      { brand: 'NGK', pn: () => `2${digits(4)}`, line: 'NTK' },
      { brand: 'ACDelco', pn: () => `213-${digits(4)}`, line: 'GM Original Equipment' },
    ],
    make(b) {
      const position = pick(['Upstream', 'Downstream']);
      const af = position === 'Upstream' && chance(0.5);
      return {
        name: `${b.line ? `${b.line} ` : ''}${af ? 'Air/Fuel Ratio Sensor' : 'Oxygen Sensor'} - ${position}`,
        lead: `${position} heated ${af ? 'wideband air/fuel ratio' : 'oxygen'} sensor with OE connector`,
        attributes: { position, sensor: af ? 'Wideband A/F' : 'Heated O2', wires: af ? 5 : 4 },
      };
    },
  },
  {
    category: 'ABS Wheel Speed Sensors',
    cost: [14, 60],
    brands: [
      { brand: 'Bosch', pn: () => `0265${digits(6)}`, line: '' },
      { brand: 'ACDelco', pn: () => `2${digits(7)}`, line: 'GM Original Equipment' },
      { brand: 'Motorcraft', pn: () => `BRAB-${digits(3)}`, line: '' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const side = pick(['Left', 'Right']);
      return {
        name: `${b.line ? `${b.line} ` : ''}ABS Wheel Speed Sensor - ${position} ${side}`,
        lead: 'Active (Hall-effect) wheel speed sensor with harness',
        attributes: { position, side, sensor_type: 'Active', cable_length_mm: int(30, 110) * 10 },
      };
    },
  },
  {
    category: 'Wheel Bearings & Hubs',
    cost: [45, 180],
    brands: [
      { brand: 'Timken', pn: () => `HA${digits(6)}`, line: '' },
      { brand: 'Moog', pn: () => `51${digits(4)}`, line: 'Hub Assembly' },
      { brand: 'ACDelco', pn: () => `FW${digits(3)}`, line: 'Gold' },
    ],
    make(b) {
      const position = pick(POSITIONS);
      const abs = chance(0.7);
      return {
        name: `${b.line ? `${b.line} ` : ''}Wheel Bearing and Hub Assembly - ${position}`,
        lead: `Pre-greased, sealed hub assembly${abs ? ' with integrated ABS sensor' : ''}`,
        attributes: { position, abs_sensor: abs, bolts: pick([3, 4]), studs: pick([5, 6]) },
      };
    },
  },
  {
    category: 'Radiator Hoses',
    cost: [9, 45],
    brands: [
      { brand: 'Gates', pn: () => `2${digits(4)}`, line: 'Molded' },
      { brand: 'Dayco', pn: () => `7${digits(4)}`, line: 'Curved' },
    ],
    make(b) {
      const which = pick(['Upper', 'Lower']);
      return {
        name: `${b.line} Radiator Coolant Hose - ${which}`,
        lead: `${which} radiator hose, EPDM rubber, OE shape`,
        attributes: {
          position: which,
          material: 'EPDM',
          inside_diameter_mm: pick([32, 35, 38, 41]),
          length_mm: int(30, 70) * 10,
        },
      };
    },
  },
];

// Parts sold by size or type rather than by vehicle.
function universalParts() {
  const out = [];
  for (const len of [16, 18, 19, 20, 22, 24, 26, 28]) {
    out.push({
      brand: 'Bosch',
      category: 'Wiper Blades',
      part_number: `${len}A`,
      cost: 14,
      name: `ICON Beam Wiper Blade ${len} in`,
      lead: `${len}-inch beam blade, fluoro-polymer coated rubber, J-hook adapter`,
      attributes: { length_in: len, type: 'Beam', connector: 'J-hook', position: 'Front' },
    });
  }
  for (const len of [16, 18, 20, 22, 24, 26]) {
    out.push({
      brand: 'Rain-X',
      category: 'Wiper Blades',
      part_number: `50792${String(len).padStart(2, '0')}`,
      cost: 10,
      name: `Latitude 2-in-1 Water Repellent Wiper Blade ${len} in`,
      lead: `${len}-inch beam blade that applies a water-repellent coating while wiping`,
      attributes: { length_in: len, type: 'Beam', connector: 'J-hook', water_repellent: true },
    });
  }
  for (const len of [14, 17, 21]) {
    out.push({
      brand: 'ACDelco',
      category: 'Wiper Blades',
      part_number: `8-21${String(len).padStart(3, '0')}`,
      cost: 7,
      name: `Advantage Conventional Wiper Blade ${len} in`,
      lead: `${len}-inch conventional frame blade`,
      attributes: { length_in: len, type: 'Conventional', connector: 'J-hook' },
    });
  }
  for (const [len, v] of [
    [12, 'Honda CR-V'],
    [14, 'Toyota RAV4'],
    [12, 'Mazda CX-5'],
  ]) {
    const veh = VEHICLES.find((x) => `${x.make} ${x.model}` === v);
    out.push({
      brand: 'Bosch',
      category: 'Wiper Blades',
      part_number: `H${len}${pick(['A', 'B'])}${digits(2)}`,
      cost: 12,
      name: `Rear Wiper Blade ${len} in`,
      lead: `${len}-inch rear blade with OE-style connector`,
      fitment: veh,
      attributes: { length_in: len, type: 'Rear', position: 'Rear' },
    });
  }

  const BULBS = [
    ['H11', 55, 'Low beam'],
    ['H7', 55, 'Low beam'],
    ['H4', 60, 'High/low beam'],
    ['9005', 65, 'High beam'],
    ['9006', 55, 'Low beam'],
    ['H13', 60, 'High/low beam'],
    ['9007', 65, 'High/low beam'],
    ['H1', 55, 'High beam'],
    ['880', 27, 'Fog light'],
    ['H8', 35, 'Fog light'],
  ];
  for (const [type, watts, use] of BULBS) {
    const lines = chance(0.5)
      ? [
          ['Sylvania', `${type}ST.BP`, 'SilverStar Ultra High Performance', 4300, 22],
          ['Sylvania', `${type}BL.BP`, 'Basic', 3200, 9],
        ]
      : [
          ['Philips', `${type}VPB1`, 'VisionPlus Upgrade', 3400, 14],
          ['Philips', `${type}XVB2`, 'X-tremeVision', 3700, 30],
        ];
    for (const [brand, pn, line, kelvin, cost] of lines) {
      out.push({
        brand,
        category: 'Headlight Bulbs',
        part_number: pn,
        cost,
        name: `${line} ${type} Halogen Bulb`,
        lead: `${use} halogen bulb, ${watts} W, 12 V, ${kelvin} K`,
        attributes: {
          bulb_type: type,
          wattage: watts,
          voltage: 12,
          color_temp_k: kelvin,
          pack: pn.endsWith('B2') ? 2 : 1,
        },
      });
    }
  }

  const BATTERIES = [
    ['24F', 'Toyota Camry'],
    ['35', 'Honda Accord'],
    ['48', 'Volkswagen Jetta'],
    ['65', 'Ford F-150'],
    ['94R', 'Jeep Grand Cherokee'],
    ['H6', 'Chevrolet Equinox'],
    ['51R', 'Honda Civic'],
    ['47', 'Chevrolet Malibu'],
    ['78', 'Chevrolet Silverado 1500'],
    ['34', 'Dodge Charger'],
  ];
  for (const [group, vehicleName] of BATTERIES) {
    const veh = VEHICLES.find((x) => `${x.make} ${x.model}` === vehicleName);
    const cca = int(50, 85) * 10;
    out.push({
      brand: 'Interstate',
      category: 'Batteries',
      part_number: `MTX-${group}`,
      cost: int(150, 210),
      name: `Mega-Tron Plus AGM Battery, Group ${group}`,
      lead: `AGM, group size ${group}, ${cca} CCA`,
      fitment: chance(0.6) ? veh : null,
      attributes: { group_size: group, chemistry: 'AGM', cca, reserve_capacity_min: int(90, 140), voltage: 12 },
    });
    if (chance(0.6)) {
      out.push({
        brand: 'ACDelco',
        category: 'Batteries',
        part_number: `${group}PG`,
        cost: int(110, 160),
        name: `Professional Gold Battery, Group ${group}`,
        lead: `Flooded lead-acid, group size ${group}, ${cca - 50} CCA`,
        fitment: chance(0.5) ? veh : null,
        attributes: {
          group_size: group,
          chemistry: 'Flooded',
          cca: cca - 50,
          reserve_capacity_min: int(80, 120),
          voltage: 12,
        },
      });
    }
  }
  for (const [pn, group, line, cca] of [
    ['8002-002', '34', 'RedTop', 800],
    ['8004-003', '34/78', 'RedTop', 800],
    ['8014-045', 'D34/78', 'YellowTop', 750],
    ['8020-164', '35', 'RedTop', 720],
    ['8022-091', '75/25', 'RedTop', 720],
    ['8040-218', 'H6', 'YellowTop', 800],
  ]) {
    out.push({
      brand: 'Optima',
      category: 'Batteries',
      part_number: pn,
      cost: int(190, 260),
      name: `${line} ${group} Starting Battery`,
      lead: `SpiralCell AGM, group size ${group}, ${cca} CCA`,
      attributes: {
        group_size: group,
        chemistry: 'AGM (SpiralCell)',
        cca,
        reserve_capacity_min: int(90, 120),
        voltage: 12,
      },
    });
  }

  // Serpentine belts: the part number encodes ribs and length, as Gates and Dayco do.
  for (let i = 0; i < 14; i++) {
    const ribs = pick([4, 5, 6, 6, 6, 7, 8]);
    const tenths = int(400, 1050);
    const gates = chance(0.5);
    const pn = gates ? `K0${ribs}${String(tenths).padStart(4, '0')}` : `5${ribs}${String(tenths).padStart(4, '0')}`;
    const veh = chance(0.5) ? pick(VEHICLES) : null;
    out.push({
      brand: gates ? 'Gates' : 'Dayco',
      category: 'Serpentine Belts',
      part_number: pn,
      cost: round(10 + tenths / 40),
      name: `${gates ? 'Micro-V' : 'Poly Rib'} Serpentine Belt, ${ribs}-Rib, ${(tenths / 10).toFixed(1)} in`,
      lead: `EPDM ${ribs}-rib belt, ${(tenths / 10).toFixed(1)} in effective length`,
      fitment: veh,
      attributes: { ribs, length_in: tenths / 10, material: 'EPDM' },
    });
  }
  return out;
}

function buildCatalog() {
  const products = [];
  const taken = new Set();
  const unique = (make) => {
    for (;;) {
      const pn = make();
      if (!taken.has(pn)) {
        taken.add(pn);
        return pn;
      }
    }
  };
  for (const v of VEHICLES) {
    const families = shuffle(VEHICLE_PARTS.filter((f) => !f.older || v.to <= 2014 || v.from <= 2011)).slice(
      0,
      int(5, 7),
    );
    for (const family of families) {
      const brand = pick(family.brands);
      const b = { ...brand, line: Array.isArray(brand.line) ? pick(brand.line) : brand.line };
      const part = family.make(b);
      const alsoFits = family.shared && chance(0.4) && sameMake(v).length ? pick(sameMake(v)) : null;
      const fitment = fitmentText(v, { alsoFits });
      products.push({
        part_number: unique(b.pn),
        name: part.name,
        description: chance(0.5) ? `${part.lead}. ${fitment}.` : `${fitment}. ${part.lead}.`,
        brand: b.brand,
        category: family.category,
        attributes: part.attributes,
        cost: round(family.cost[0] + rand() * (family.cost[1] - family.cost[0])),
      });
    }
    if (v.timingBelt) {
      products.push({
        part_number: unique(() => `TCKWP${digits(3)}`),
        name: 'PowerGrip Timing Belt Component Kit with Water Pump',
        description: `Timing belt, tensioner, idlers and water pump. ${fitmentText(v, { engine: v.timingBelt })} ${v.timingBelt} only.`,
        brand: 'Gates',
        category: 'Timing Belt Kits',
        attributes: { includes: ['timing belt', 'tensioner', 'idler pulley', 'water pump'], engine: v.timingBelt },
        cost: round(180 + rand() * 80),
      });
    }
  }
  for (const u of universalParts()) {
    if (taken.has(u.part_number)) continue;
    taken.add(u.part_number);
    products.push({
      part_number: u.part_number,
      name: u.name,
      description: u.fitment ? `${u.lead}. ${fitmentText(u.fitment)}.` : `${u.lead}.`,
      brand: u.brand,
      category: u.category,
      attributes: u.attributes,
      cost: u.cost,
    });
  }
  return products;
}

// Suppliers: who they are, what they sell (categories; none = everything), their currency and description style.
const SUPPLIERS = [
  {
    code: 'SUP-MWB',
    name: 'Midwest Brake & Supply Co.',
    categories: ['Brake Rotors', 'Brake Pads', 'Brake Calipers', 'ABS Wheel Speed Sensors'],
    currency: 'USD',
    style: 'caps',
  },
  { code: 'SUP-PAD', name: 'Pacific Auto Distributors', categories: null, currency: 'USD', style: 'catalog' },
  {
    code: 'SUP-KPW',
    name: 'Keystone Parts Wholesale',
    categories: ['Oil Filters', 'Air Filters', 'Cabin Air Filters', 'Fuel Filters', 'Wiper Blades'],
    currency: 'USD',
    style: 'catalog',
  },
  {
    code: 'SUP-GCF',
    name: 'Gulf Coast Filtration Inc.',
    categories: ['Oil Filters', 'Air Filters', 'Cabin Air Filters', 'Fuel Filters'],
    currency: 'USD',
    style: 'caps',
  },
  {
    code: 'SUP-IGN',
    name: 'Ignition Source LLC',
    categories: ['Spark Plugs', 'Ignition Coils', 'Oxygen Sensors'],
    currency: 'USD',
    style: 'catalog',
  },
  {
    code: 'SUP-NRB',
    name: 'Northern Route Batteries Ltd.',
    categories: ['Batteries'],
    currency: 'CAD',
    style: 'catalog',
  },
  {
    code: 'SUP-LUX',
    name: 'Lumen Lighting Supply',
    categories: ['Headlight Bulbs', 'Wiper Blades'],
    currency: 'USD',
    style: 'catalog',
  },
  {
    code: 'SUP-CHS',
    name: 'Chassis Pro Distribution',
    categories: ['Shocks & Struts', 'Control Arms', 'Wheel Bearings & Hubs'],
    currency: 'USD',
    style: 'caps',
  },
  {
    code: 'SUP-BLT',
    name: 'Beltway Power Transmission',
    categories: ['Serpentine Belts', 'Radiator Hoses', 'Timing Belt Kits'],
    currency: 'USD',
    style: 'catalog',
  },
  {
    code: 'SUP-EUR',
    name: 'EuroParts Import GmbH',
    brands: ['Brembo', 'Bosch', 'Bilstein', 'Philips'],
    currency: 'EUR',
    style: 'catalog',
  },
  { code: 'SUP-LSA', name: 'Lone Star Auto Parts', categories: null, currency: 'USD', style: 'caps' },
  { code: 'SUP-MLA', name: 'Maple Leaf Automotive Inc.', categories: null, currency: 'CAD', style: 'catalog' },
];
const FX = { USD: 1, CAD: 1.36, EUR: 0.92 };
const QUANTITY = {
  'Oil Filters': [12, 96, 12],
  'Air Filters': [6, 48, 6],
  'Cabin Air Filters': [6, 48, 6],
  'Fuel Filters': [4, 24, 2],
  'Spark Plugs': [8, 80, 4],
  'Wiper Blades': [10, 60, 5],
  'Headlight Bulbs': [10, 100, 10],
  Batteries: [2, 18, 1],
};

function buildProcurement(products) {
  const pools = SUPPLIERS.map((s) =>
    products.filter((p) =>
      s.brands ? s.brands.includes(p.brand) : !s.categories || s.categories.includes(p.category),
    ),
  );
  // Each supplier has regulars it is asked for again and again: that builds price history.
  const regulars = pools.map((pool) => shuffle(pool).slice(0, Math.min(10, pool.length)));
  const factor = SUPPLIERS.map(() => 0.9 + rand() * 0.2);

  const orders = [];
  const start = Date.UTC(2024, 6, 1);
  const span = Date.UTC(2025, 5, 30) - start;
  const dates = Array.from(
    { length: PURCHASE_ORDERS },
    () => start + Math.floor(rand() * (span / 86400000)) * 86400000,
  ).sort((a, b) => a - b);
  // After one order each, the broad distributors get more of the remaining orders.
  const weighted = SUPPLIERS.flatMap((s, i) => Array(s.categories === null && !s.brands ? 3 : 1).fill(i));
  const sizes = Array.from({ length: PURCHASE_ORDERS }, () => int(6, 20));
  const scale = TARGET_PO_LINES / sizes.reduce((a, b) => a + b, 0);
  const scaled = sizes.map((n) => Math.max(3, Math.round(n * scale)));
  scaled[scaled.length - 1] += TARGET_PO_LINES - scaled.reduce((a, b) => a + b, 0);

  for (let i = 0; i < PURCHASE_ORDERS; i++) {
    const si = i < SUPPLIERS.length ? i : pick(weighted);
    const supplier = SUPPLIERS[si];
    const date = new Date(dates[i]);
    const poNumber = `PO-${date.getUTCFullYear()}-${String(4100 + i * 7 + int(0, 6)).padStart(5, '0')}`;
    const size = Math.min(scaled[i], pools[si].length);
    const chosen = new Set();
    while (chosen.size < size) chosen.add(chance(0.5) ? pick(regulars[si]) : pick(pools[si]));
    const monthsIn = (dates[i] - start) / (30 * 86400000);
    for (const p of chosen) {
      const [lo, hi, step] = QUANTITY[p.category] ?? [1, 12, 1];
      const quantity = Math.max(step, Math.round(int(lo, hi) / step) * step);
      const unit = p.cost * factor[si] * (1 + monthsIn * 0.004) * (0.98 + rand() * 0.04) * FX[supplier.currency];
      orders.push({
        po: poNumber,
        supplierCode: supplier.code,
        supplierName: supplier.name,
        partNumber: p.part_number,
        description: supplier.style === 'caps' ? erpText(`${p.brand} ${p.name}`) : p.name,
        quantity,
        unitPrice: money(unit),
        currency: supplier.currency,
        orderDate: date.toISOString().slice(0, 10),
      });
    }
  }
  return orders;
}

/** How some suppliers' ERP systems print descriptions: upper case, cut at a word to 40 characters. */
function erpText(text) {
  const upper = text.toUpperCase();
  if (upper.length <= 40) return upper;
  return upper
    .slice(0, 41)
    .replace(/\s+\S*$/, '')
    .replace(/[\s,-]+$/, '');
}

function csvField(value) {
  const s = String(value ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csv = (header, rows) => [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? process.argv[outArg + 1] : new URL('../demo', import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });

const products = buildCatalog();
const lines = buildProcurement(products);
writeFileSync(
  join(outDir, 'catalog-products.csv'),
  csv(
    ['part_number', 'name', 'description', 'brand', 'category', 'attributes_json'],
    products.map((p) => [p.part_number, p.name, p.description, p.brand, p.category, JSON.stringify(p.attributes)]),
  ),
);
writeFileSync(
  join(outDir, 'procurement-demo.csv'),
  csv(
    [
      'PO Number',
      'Supplier Code',
      'Supplier Name',
      'Part Number',
      'Description',
      'Quantity',
      'Unit Price',
      'Currency',
      'Order Date',
    ],
    lines.map((l) => [
      l.po,
      l.supplierCode,
      l.supplierName,
      l.partNumber,
      l.description,
      l.quantity,
      l.unitPrice,
      l.currency,
      l.orderDate,
    ]),
  ),
);
const withFitment = products.filter((p) => /\b(19|20)\d{2}\b|\b\d{2}-\d{2}\b/.test(p.description)).length;
console.log(
  `wrote ${products.length} products (${withFitment} with fitment text) and ${lines.length} purchase order lines ` +
    `(${new Set(lines.map((l) => l.po)).size} orders, ${new Set(lines.map((l) => l.supplierCode)).size} suppliers) to ${outDir}`,
);
