import type { Planes } from './triangle-warp.js';

/** Runs between solver sweeps and rows: checks the caller's signal and gives the event loop a turn. */
export type Checkpoint = () => Promise<void>;

/**
 * Feathered paste: alpha rises from 0 at the mask's edge to 1 at `feather` pixels inside it (smoothstep of the
 * distance to the edge), and the result is source over target with that alpha.
 */
export function featherBlend(target: Planes, source: Planes, distance: Float32Array, feather: number): Planes {
  const n = distance.length;
  const out: Planes = { r: new Float32Array(n), g: new Float32Array(n), b: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const t = Math.min(1, distance[i] / Math.max(feather, 1e-6));
    const a = t * t * (3 - 2 * t);
    out.r[i] = target.r[i] + a * (source.r[i] - target.r[i]);
    out.g[i] = target.g[i] + a * (source.g[i] - target.g[i]);
    out.b[i] = target.b[i] + a * (source.b[i] - target.b[i]);
  }
  return out;
}

/** The solver stops a level once no pixel moves by more than this (a fortieth of one 8-bit step). */
const TOLERANCE = 1e-4;
const MAX_SWEEPS_FINE = 300;
const MAX_SWEEPS_COARSEST = 4000;
const SOR_OMEGA = 1.9;
/** Sweeps between two checkpoints on the finest level. */
const SWEEPS_PER_CHECK = 10;

/** h, one plane per colour channel. */
type Membrane = [Float32Array, Float32Array, Float32Array];

/** One level of the pyramid: which pixels are unknown and the boundary values of the others, per channel. */
interface Level {
  width: number;
  height: number;
  inside: Uint8Array;
  boundary: [Float32Array, Float32Array, Float32Array];
}

/**
 * Seamless cloning (Pérez, Gangnet and Blake 2003): inside the mask the result keeps the source's gradients and
 * meets the target on the mask's edge. Solved as source + h, where h is the membrane: harmonic inside the mask and
 * equal to target − source outside it. h is smooth, so it is solved coarse to fine (each level's solution, scaled
 * up, starts the next one's successive over-relaxation), which converges in tens of sweeps per level instead of
 * thousands on the full grid. Pixels outside the region have no say (the region's edge is a free boundary).
 */
export async function poissonBlend(
  target: Planes,
  source: Planes,
  inside: Uint8Array,
  width: number,
  height: number,
  checkpoint: Checkpoint,
): Promise<{ planes: Planes; sweeps: number }> {
  const n = width * height;
  const finest: Level = {
    width,
    height,
    inside,
    boundary: [new Float32Array(n), new Float32Array(n), new Float32Array(n)],
  };
  const [br, bg, bb] = finest.boundary;
  for (let i = 0; i < n; i++) {
    br[i] = target.r[i] - source.r[i];
    bg[i] = target.g[i] - source.g[i];
    bb[i] = target.b[i] - source.b[i];
  }
  const levels = [finest];
  while (levels.length < 12) {
    const last = levels[levels.length - 1];
    if (Math.min(last.width, last.height) <= 8) break;
    levels.push(coarsen(last));
  }
  let membrane: Membrane | null = null;
  let sweeps = 0;
  for (let k = levels.length - 1; k >= 0; k--) {
    const level = levels[k];
    const h: Membrane = membrane ? refine(membrane, levels[k + 1], level) : initial(level);
    sweeps += await relax(level, h, k === levels.length - 1 ? MAX_SWEEPS_COARSEST : MAX_SWEEPS_FINE, checkpoint);
    membrane = h;
  }
  const [hr, hg, hb] = membrane!;
  const planes: Planes = { r: new Float32Array(n), g: new Float32Array(n), b: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    if (inside[i]) {
      planes.r[i] = source.r[i] + hr[i];
      planes.g[i] = source.g[i] + hg[i];
      planes.b[i] = source.b[i] + hb[i];
    } else {
      planes.r[i] = target.r[i];
      planes.g[i] = target.g[i];
      planes.b[i] = target.b[i];
    }
  }
  return { planes, sweeps };
}

/** Half the size: a coarse pixel is unknown when all its fine pixels are; its boundary value is their outside mean. */
function coarsen(fine: Level): Level {
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const inside = new Uint8Array(width * height);
  const boundary: Level['boundary'] = [
    new Float32Array(width * height),
    new Float32Array(width * height),
    new Float32Array(width * height),
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sums = [0, 0, 0];
      let outside = 0;
      for (let dy = 0; dy < 2; dy++) {
        const fy = 2 * y + dy;
        if (fy >= fine.height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const fx = 2 * x + dx;
          if (fx >= fine.width) continue;
          const f = fy * fine.width + fx;
          if (fine.inside[f]) continue;
          outside++;
          for (let c = 0; c < 3; c++) sums[c] += fine.boundary[c][f];
        }
      }
      const i = y * width + x;
      if (outside === 0) inside[i] = 1;
      else for (let c = 0; c < 3; c++) boundary[c][i] = sums[c] / outside;
    }
  }
  return { width, height, inside, boundary };
}

/** The coarsest level's start: boundary values outside, their mean inside. */
function initial(level: Level): Membrane {
  const h = level.boundary.map((b) => Float32Array.from(b)) as Membrane;
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < level.inside.length; i++) {
      if (!level.inside[i]) {
        sum += level.boundary[c][i];
        count++;
      }
    }
    const mean = count ? sum / count : 0;
    for (let i = 0; i < level.inside.length; i++) if (level.inside[i]) h[c][i] = mean;
  }
  return h;
}

/** The next finer level's start: its boundary values outside, the coarse membrane interpolated (bilinear) inside. */
function refine(coarse: Membrane, coarseLevel: Level, level: Level): Membrane {
  const h = level.boundary.map((b) => Float32Array.from(b)) as Membrane;
  const cw = coarseLevel.width;
  const ch = coarseLevel.height;
  for (let y = 0; y < level.height; y++) {
    const cy = Math.min(ch - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
    const y0 = Math.min(ch - 1, Math.floor(cy));
    const y1 = Math.min(ch - 1, y0 + 1);
    const fy = cy - y0;
    for (let x = 0; x < level.width; x++) {
      const i = y * level.width + x;
      if (!level.inside[i]) continue;
      const cx = Math.min(cw - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
      const x0 = Math.min(cw - 1, Math.floor(cx));
      const x1 = Math.min(cw - 1, x0 + 1);
      const fx = cx - x0;
      for (let c = 0; c < 3; c++) {
        const p = coarse[c];
        const top = p[y0 * cw + x0] * (1 - fx) + p[y0 * cw + x1] * fx;
        const bottom = p[y1 * cw + x0] * (1 - fx) + p[y1 * cw + x1] * fx;
        h[c][i] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return h;
}

/** Successive over-relaxation of Laplace's equation over the level's unknown pixels; returns the sweeps done. */
async function relax(level: Level, h: Membrane, maxSweeps: number, checkpoint: Checkpoint): Promise<number> {
  const { width, height, inside } = level;
  const unknown: number[] = [];
  for (let i = 0; i < inside.length; i++) if (inside[i]) unknown.push(i);
  if (unknown.length === 0) return 0;
  // each unknown pixel's in-region 4-neighbours, -1 where the region ends
  const neighbours = new Int32Array(unknown.length * 4);
  unknown.forEach((i, k) => {
    const x = i % width;
    const y = (i - x) / width;
    neighbours[4 * k] = x > 0 ? i - 1 : -1;
    neighbours[4 * k + 1] = x < width - 1 ? i + 1 : -1;
    neighbours[4 * k + 2] = y > 0 ? i - width : -1;
    neighbours[4 * k + 3] = y < height - 1 ? i + width : -1;
  });
  const [hr, hg, hb] = h;
  let sweep = 0;
  while (sweep < maxSweeps) {
    let change = 0;
    for (let k = 0; k < unknown.length; k++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let count = 0;
      for (let e = 4 * k; e < 4 * k + 4; e++) {
        const j = neighbours[e];
        if (j < 0) continue;
        sr += hr[j];
        sg += hg[j];
        sb += hb[j];
        count++;
      }
      if (count === 0) continue;
      const i = unknown[k];
      const dr = sr / count - hr[i];
      const dg = sg / count - hg[i];
      const db = sb / count - hb[i];
      hr[i] += SOR_OMEGA * dr;
      hg[i] += SOR_OMEGA * dg;
      hb[i] += SOR_OMEGA * db;
      change = Math.max(change, Math.abs(dr), Math.abs(dg), Math.abs(db));
    }
    sweep++;
    if (change < TOLERANCE) break;
    if (sweep % SWEEPS_PER_CHECK === 0) await checkpoint();
  }
  return sweep;
}
