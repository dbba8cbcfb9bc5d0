// The synthetic set of bench:media-inpaint: known backgrounds with objects pasted on them, so that a removal can be
// compared with the truth. Everything comes from a seeded RNG: the same pixels on every machine and run.
//   backgrounds: `gradient` (two gradients, a slow wave and per-pixel noise), `bricks` (running bond with mortar,
//   per-brick colour and grain), `smooth` (a photo-like scene: octaves of value noise under a sky-to-ground ramp)
//   objects: `text` (5 × 7 bitmap letters, 5 px strokes, ~1%), `disc` (~1%), `logo` (a ring and a bar, ~5%),
//   `blob` (overlapping discs, ~10% and ~20%)
// Each scene holds interleaved RGB `truth` and `input` (the truth with the object pasted) and a 0/1 `mask` of the
// object's pixels.

/** mulberry32: small, fast and good enough for textures. */
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

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function gradient(size, random) {
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = 3 * (y * size + x);
      const wave = 40 * Math.sin((x + 0.5 * y) / 90);
      rgb[p] = clamp(40 + (170 * x) / size + (random() - 0.5) * 24);
      rgb[p + 1] = clamp(60 + (150 * y) / size + (random() - 0.5) * 24);
      rgb[p + 2] = clamp(140 + wave + (random() - 0.5) * 24);
    }
  }
  return rgb;
}

function bricks(size, random) {
  const rgb = new Uint8Array(size * size * 3);
  const brickW = 64;
  const brickH = 32;
  const mortar = 4;
  const rows = Math.ceil(size / brickH);
  const cols = Math.ceil(size / brickW) + 1;
  const tint = Array.from({ length: rows * cols }, () => (random() - 0.5) * 36);
  for (let y = 0; y < size; y++) {
    const row = Math.floor(y / brickH);
    const shift = row % 2 ? brickW / 2 : 0;
    for (let x = 0; x < size; x++) {
      const p = 3 * (y * size + x);
      const col = Math.floor((x + shift) / brickW);
      const inMortar = (x + shift) % brickW < mortar || y % brickH < mortar;
      const grain = (random() - 0.5) * 22;
      if (inMortar) {
        rgb[p] = clamp(205 + grain);
        rgb[p + 1] = clamp(200 + grain);
        rgb[p + 2] = clamp(188 + grain);
      } else {
        const t = tint[row * cols + col];
        rgb[p] = clamp(160 + t + grain);
        rgb[p + 1] = clamp(72 + t / 2 + grain);
        rgb[p + 2] = clamp(52 + t / 3 + grain);
      }
    }
  }
  return rgb;
}

/** Bilinear value noise: random values on a grid of `cell` pixels, in [0, 1]. */
function valueNoise(size, cell, random) {
  const n = Math.ceil(size / cell) + 2;
  const grid = Float64Array.from({ length: n * n }, random);
  const out = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    const gy = y / cell;
    const y0 = Math.floor(gy);
    const fy = gy - y0;
    const sy = fy * fy * (3 - 2 * fy);
    for (let x = 0; x < size; x++) {
      const gx = x / cell;
      const x0 = Math.floor(gx);
      const fx = gx - x0;
      const sx = fx * fx * (3 - 2 * fx);
      const a = grid[y0 * n + x0] + (grid[y0 * n + x0 + 1] - grid[y0 * n + x0]) * sx;
      const b = grid[(y0 + 1) * n + x0] + (grid[(y0 + 1) * n + x0 + 1] - grid[(y0 + 1) * n + x0]) * sx;
      out[y * size + x] = a + (b - a) * sy;
    }
  }
  return out;
}

function smooth(size, random) {
  const octaves = [
    [256, 0.5],
    [128, 0.25],
    [64, 0.13],
    [32, 0.07],
    [16, 0.05],
  ].map(([cell, weight]) => [valueNoise(size, cell, random), weight]);
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      let v = 0;
      for (const [plane, weight] of octaves) v += plane[i] * weight;
      // sky blue at the top to olive ground at the bottom, shaded by the noise
      const t = y / size;
      const shade = 0.55 + 0.9 * (v - 0.5);
      const p = 3 * i;
      rgb[p] = clamp((120 + 30 * t) * shade + (random() - 0.5) * 6);
      rgb[p + 1] = clamp((160 - 20 * t) * shade + (random() - 0.5) * 6);
      rgb[p + 2] = clamp((210 - 150 * t) * shade + (random() - 0.5) * 6);
    }
  }
  return rgb;
}

export const BACKGROUNDS = { gradient, bricks, smooth };

const GLYPHS = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  F: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  U: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
  5: ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  0: ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
};
const LINES = ['TORQUE AUTO PARTS', '50 OFF SPARE PARTS', 'ROTORS AND PADS', 'FREE SEATS SOFT TOP'];

/** Text in 5 × 7 bitmap letters with 5 px strokes: marks `mask`, returns the pixel count. */
function text(mask, size, random, fraction) {
  const scale = 5;
  const goal = fraction * size * size;
  let marked = 0;
  const x0 = 40 + Math.floor(random() * 40);
  let y = 60 + Math.floor(random() * 60);
  for (let line = 0; marked < goal && y + 7 * scale < size; line++, y += 12 * scale) {
    const chars = LINES[line % LINES.length];
    for (let c = 0; c < chars.length && marked < goal; c++) {
      const glyph = GLYPHS[chars[c]];
      if (!glyph) continue;
      const gx = x0 + c * 7 * scale;
      if (gx + 5 * scale >= size) break;
      for (let row = 0; row < 7; row++) {
        for (let col = 0; col < 5; col++) {
          if (glyph[row][col] !== '1') continue;
          for (let dy = 0; dy < scale; dy++) {
            for (let dx = 0; dx < scale; dx++) {
              const i = (y + row * scale + dy) * size + gx + col * scale + dx;
              if (!mask[i]) marked++;
              mask[i] = 1;
            }
          }
        }
      }
    }
  }
  return marked;
}

/** Marks a disc; returns how many pixels it newly marked. */
function disc(mask, size, cx, cy, r) {
  let added = 0;
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(size - 1, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(size - 1, Math.ceil(cx + r)); x++) {
      const i = y * size + x;
      if (!mask[i] && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) {
        mask[i] = 1;
        added++;
      }
    }
  }
  return added;
}

function count(mask) {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** One disc of the fraction's area, somewhere off-centre. */
function oneDisc(mask, size, random, fraction) {
  const r = Math.sqrt((fraction * size * size) / Math.PI);
  return disc(mask, size, r + 40 + random() * (size - 2 * r - 80), r + 40 + random() * (size - 2 * r - 80), r);
}

/** A ring with a bar across it, scaled to the fraction. */
function logo(mask, size, random, fraction) {
  // ring of radii R and 0.62 R plus a bar 2R × 0.36 R: area ≈ (π (1 - 0.62²) + 0.72 - overlap) R²
  const R = Math.sqrt((fraction * size * size) / 2.4);
  const cx = R + 60 + random() * (size - 2 * R - 120);
  const cy = R + 60 + random() * (size - 2 * R - 120);
  for (let y = Math.floor(cy - R); y <= Math.ceil(cy + R); y++) {
    for (let x = Math.floor(cx - 1.2 * R); x <= Math.ceil(cx + 1.2 * R); x++) {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      const ring = d2 <= R * R && d2 >= (0.62 * R) ** 2;
      const bar = Math.abs(y - cy) <= 0.18 * R && Math.abs(x - cx) <= 1.2 * R;
      if (ring || bar) mask[y * size + x] = 1;
    }
  }
  return count(mask);
}

/** Overlapping discs around a centre, grown until they cover the fraction. */
function blob(mask, size, random, fraction) {
  const goal = fraction * size * size;
  const r0 = Math.sqrt(goal / Math.PI) * 0.55;
  const cx = size / 2 + (random() - 0.5) * size * 0.2;
  const cy = size / 2 + (random() - 0.5) * size * 0.2;
  let marked = 0;
  for (let k = 0; marked < goal && k < 400; k++) {
    const angle = random() * 2 * Math.PI;
    const reach = random() * r0 * 1.1;
    marked += disc(mask, size, cx + reach * Math.cos(angle), cy + reach * Math.sin(angle), r0 * (0.5 + 0.5 * random()));
  }
  return marked;
}

export const OBJECTS = [
  { name: 'text', fraction: 0.01, draw: text },
  { name: 'disc', fraction: 0.01, draw: oneDisc },
  { name: 'logo', fraction: 0.05, draw: logo },
  { name: 'blob', fraction: 0.1, draw: blob },
  { name: 'blob', fraction: 0.2, draw: blob },
];

/** The object's own colours: saturated, striped, far from every background. */
function paint(input, mask, size, kind) {
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % size;
    const y = (i - x) / size;
    const p = 3 * i;
    const colour =
      kind === 'text'
        ? [255, 236, 0]
        : kind === 'logo'
          ? (x + y) % 24 < 12
            ? [0, 60, 255]
            : [255, 140, 0]
          : (x >> 4) % 2
            ? [255, 0, 200]
            : [0, 230, 255];
    input.set(colour, p);
  }
}

/**
 * Every background with every object: [{ name, background, object, fraction (of the object's pixels, before any
 * dilation), truth, input, mask, size }].
 */
export function buildScenes({ size = 1024, seed = 14, backgrounds = Object.keys(BACKGROUNDS) } = {}) {
  const scenes = [];
  for (const background of backgrounds) {
    // seeds follow the background's name, not its place in the list: a subset gives the same scenes
    const b = Object.keys(BACKGROUNDS).indexOf(background);
    if (b < 0) throw new RangeError(`unknown background ${background}`);
    const truth = BACKGROUNDS[background](size, rng(seed * 1000 + b));
    OBJECTS.forEach((object, o) => {
      const random = rng(seed * 1000 + 100 * (b + 1) + o);
      const mask = new Uint8Array(size * size);
      const marked = object.draw(mask, size, random, object.fraction);
      const input = truth.slice();
      paint(input, mask, size, object.name);
      scenes.push({
        name: `${background}/${object.name}-${Math.round(object.fraction * 100)}%`,
        background,
        object: object.name,
        target: object.fraction,
        fraction: marked / (size * size),
        truth,
        input,
        mask,
        size,
      });
    });
  }
  return scenes;
}
