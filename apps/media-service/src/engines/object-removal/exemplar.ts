/**
 * Exemplar-based inpainting after Criminisi, Pérez and Toyama (2004): fill the hole patch by patch from its edge,
 * taking next the front pixel of highest priority (confidence × data term: how much known image its patch holds,
 * times how strongly an edge runs into the hole there), and copy into it the best-matching patch of the known image
 * (least SSD over the target patch's known pixels). To stay fast at 1024 px the source search looks at a window
 * around the target (grown until it holds enough whole source patches) on a coarse grid, then refines the best few
 * candidates pixel by pixel.
 */

/** 13 × 13 patches: on the bench's bricks and stripes they beat 9 × 9 on PSNR and take fewer, so faster, steps. */
export const DEFAULT_PATCH_RADIUS = 6;
/** The search window starts this many pixels around the target patch... */
const FIRST_WINDOW_RADIUS = 48;
/** ...and doubles until it holds this many whole source patches. */
const MIN_SOURCE_PATCHES = 256;
/** The coarse grid has about this many steps across a window radius. */
const GRID_STEPS_PER_RADIUS = 20;
/** Coarse candidates refined pixel by pixel. */
const REFINED_CANDIDATES = 3;
/** Keeps flat areas (data term 0) ordered by confidence instead of all tied at 0. */
const DATA_TERM_FLOOR = 1e-3;
/** Patches filled between two looks at the clock for a checkpoint. */
const PATCHES_PER_CLOCK_CHECK = 8;
/** Milliseconds of filling between checkpoints: the event loop (and so an abort) gets a turn this often. */
const CHECKPOINT_MS = 25;

export interface ExemplarOptions {
  patchRadius?: number;
  /** Called every few tens of milliseconds with the fraction of the target filled; it may throw to stop. */
  checkpoint?: (filled: number) => void | Promise<void>;
}

export interface ExemplarStats {
  patches: number;
  /** Whole source patches the search could take from. */
  sourcePatches: number;
}

/**
 * Fills the pixels where `target` is 1 in `rgb` (interleaved 8-bit RGB, width × height), in place. `unknown` marks
 * every pixel whose value is not to be trusted (the target and any other masked region): no source patch holds one,
 * and they count in no match until filled. Throws a RangeError when no whole patch of known image exists.
 */
export async function exemplarInpaint(
  rgb: Uint8Array,
  width: number,
  height: number,
  target: Uint8Array,
  unknown: Uint8Array,
  options: ExemplarOptions = {},
): Promise<ExemplarStats> {
  const h = options.patchRadius ?? DEFAULT_PATCH_RADIUS;
  const side = 2 * h + 1;
  const n = width * height;
  const known = new Uint8Array(n);
  const confidence = new Float32Array(n);
  const grey = new Float32Array(n);
  let remaining = 0;
  for (let i = 0; i < n; i++) {
    if (target[i] && !unknown[i]) throw new RangeError('target pixels must be unknown');
    known[i] = unknown[i] ? 0 : 1;
    confidence[i] = known[i];
    grey[i] = 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2];
    remaining += target[i];
  }
  const total = remaining;

  // whole source patches: inside the image, no unknown pixel; and their summed-area table, to count a window's
  const unknownSums = integral(unknown, width, height);
  const source = new Uint8Array(n);
  let sourcePatches = 0;
  for (let y = h; y < height - h; y++) {
    for (let x = h; x < width - h; x++) {
      if (boxSum(unknownSums, width, x - h, y - h, x + h + 1, y + h + 1) === 0) {
        source[y * width + x] = 1;
        sourcePatches++;
      }
    }
  }
  if (total === 0) return { patches: 0, sourcePatches };
  if (sourcePatches === 0) throw new RangeError(`no whole ${side}×${side} patch of the image is outside the mask`);
  const sourceSums = integral(source, width, height);

  const priority = new Float32Array(n);
  const inFront = new Uint8Array(n);
  const front: number[] = [];

  const isFront = (i: number, x: number, y: number): boolean => {
    if (!target[i] || known[i]) return false;
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx >= 0 && nx < width && known[ny * width + nx]) return true;
      }
    }
    return false;
  };

  const knownAt = (x: number, y: number): number =>
    x >= 0 && x < width && y >= 0 && y < height ? known[y * width + x] : 0;

  const computePriority = (x: number, y: number): number => {
    let c = 0;
    let gMax = -1;
    let gx = 0;
    let gy = 0;
    for (let yy = Math.max(0, y - h); yy <= Math.min(height - 1, y + h); yy++) {
      for (let xx = Math.max(0, x - h); xx <= Math.min(width - 1, x + h); xx++) {
        const j = yy * width + xx;
        c += confidence[j];
        // the strongest isophote among known pixels whose central differences are known
        if (!known[j] || xx === 0 || yy === 0 || xx === width - 1 || yy === height - 1) continue;
        if (!known[j - 1] || !known[j + 1] || !known[j - width] || !known[j + width]) continue;
        const ix = (grey[j + 1] - grey[j - 1]) / 2;
        const iy = (grey[j + width] - grey[j - width]) / 2;
        const g = ix * ix + iy * iy;
        if (g > gMax) {
          gMax = g;
          gx = ix;
          gy = iy;
        }
      }
    }
    // the front's normal: Sobel of the known indicator, pointing out of the hole
    const nx =
      knownAt(x + 1, y - 1) +
      2 * knownAt(x + 1, y) +
      knownAt(x + 1, y + 1) -
      knownAt(x - 1, y - 1) -
      2 * knownAt(x - 1, y) -
      knownAt(x - 1, y + 1);
    const ny =
      knownAt(x - 1, y + 1) +
      2 * knownAt(x, y + 1) +
      knownAt(x + 1, y + 1) -
      knownAt(x - 1, y - 1) -
      2 * knownAt(x, y - 1) -
      knownAt(x + 1, y - 1);
    const norm = Math.hypot(nx, ny);
    // isophote (-gy, gx) against the normal, over α = 255
    const data = norm > 0 ? Math.abs(-gy * nx + gx * ny) / norm / 255 : 0;
    return (c / (side * side)) * (data + DATA_TERM_FLOOR);
  };

  const refresh = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
        const i = y * width + x;
        if (isFront(i, x, y)) {
          priority[i] = computePriority(x, y);
          if (!inFront[i]) {
            inFront[i] = 1;
            front.push(i);
          }
        } else {
          inFront[i] = 0;
        }
      }
    }
  };

  refresh(0, 0, width - 1, height - 1);

  // the target patch's known pixels (offsets from its centre, colours) and the pixels to fill
  const maxPatch = side * side;
  const knownOffsets = new Int32Array(maxPatch);
  const knownColours = new Int32Array(3 * maxPatch);
  const fillOffsets = new Int32Array(maxPatch);
  const best = new Float64Array(REFINED_CANDIDATES);
  const bestAt = new Int32Array(REFINED_CANDIDATES);

  let patches = 0;
  let lastCheckpoint = performance.now();
  while (remaining > 0) {
    // the front pixel of highest priority, dropping those no longer on the front
    let p = -1;
    let pBest = -1;
    let kept = 0;
    for (let k = 0; k < front.length; k++) {
      const i = front[k];
      if (!inFront[i]) continue;
      front[kept++] = i;
      if (priority[i] > pBest) {
        pBest = priority[i];
        p = i;
      }
    }
    front.length = kept;
    if (p < 0) throw new Error(`exemplar fill stalled with ${remaining} pixels left and no front`);
    const px = p % width;
    const py = (p - px) / width;

    let knownCount = 0;
    let fillCount = 0;
    for (let dy = -h; dy <= h; dy++) {
      const y = py + dy;
      if (y < 0 || y >= height) continue;
      for (let dx = -h; dx <= h; dx++) {
        const x = px + dx;
        if (x < 0 || x >= width) continue;
        const j = y * width + x;
        const offset = dy * width + dx;
        if (known[j]) {
          knownOffsets[knownCount] = offset;
          knownColours[3 * knownCount] = rgb[3 * j];
          knownColours[3 * knownCount + 1] = rgb[3 * j + 1];
          knownColours[3 * knownCount + 2] = rgb[3 * j + 2];
          knownCount++;
        } else if (target[j]) {
          fillOffsets[fillCount++] = offset;
        }
      }
    }

    const ssd = (q: number, limit: number): number => {
      let sum = 0;
      for (let k = 0; k < knownCount; k++) {
        const s = 3 * (q + knownOffsets[k]);
        const dr = rgb[s] - knownColours[3 * k];
        const dg = rgb[s + 1] - knownColours[3 * k + 1];
        const db = rgb[s + 2] - knownColours[3 * k + 2];
        sum += dr * dr + dg * dg + db * db;
        if (sum >= limit) return sum;
      }
      return sum;
    };

    const consider = (q: number): void => {
      const worst = REFINED_CANDIDATES - 1;
      const d = ssd(q, best[worst]);
      if (d >= best[worst]) return;
      let k = worst;
      while (k > 0 && best[k - 1] > d) {
        best[k] = best[k - 1];
        bestAt[k] = bestAt[k - 1];
        k--;
      }
      best[k] = d;
      bestAt[k] = q;
    };

    // coarse search over a window holding enough whole source patches, growing it while the grid finds none
    best.fill(Infinity);
    bestAt.fill(-1);
    let radius = FIRST_WINDOW_RADIUS;
    const largest = Math.max(width, height);
    while (radius < largest && windowSources(sourceSums, width, height, px, py, radius) < MIN_SOURCE_PATCHES) {
      radius *= 2;
    }
    let step: number;
    for (;;) {
      step = Math.max(1, Math.floor(radius / GRID_STEPS_PER_RADIUS));
      const x0 = Math.max(h, px - radius);
      const x1 = Math.min(width - 1 - h, px + radius);
      const y0 = Math.max(h, py - radius);
      const y1 = Math.min(height - 1 - h, py + radius);
      // the grid's phase moves from patch to patch so that no source column or row is always skipped
      const phase = step > 1 ? (patches * 7) % step : 0;
      for (let y = y0 + ((phase * 3) % step); y <= y1; y += step) {
        for (let x = x0 + phase; x <= x1; x += step) {
          const q = y * width + x;
          if (source[q]) consider(q);
        }
      }
      if (bestAt[0] >= 0) break;
      if (radius >= largest) {
        // the coarse grid missed every source patch of the whole image: look at every pixel
        step = 1;
        for (let q = 0; q < n; q++) if (source[q]) consider(q);
        break;
      }
      radius *= 2;
    }
    if (step > 1) {
      const coarse = Array.from(bestAt).filter((q) => q >= 0);
      for (const c of coarse) {
        const cx = c % width;
        const cy = (c - cx) / width;
        for (let y = Math.max(h, cy - step + 1); y <= Math.min(height - 1 - h, cy + step - 1); y++) {
          for (let x = Math.max(h, cx - step + 1); x <= Math.min(width - 1 - h, cx + step - 1); x++) {
            const q = y * width + x;
            if (source[q] && q !== c) consider(q);
          }
        }
      }
    }
    const from = bestAt[0];
    if (from < 0) throw new Error('exemplar search found no source patch');

    const c = patchConfidence(confidence, width, height, px, py, h);
    for (let k = 0; k < fillCount; k++) {
      const j = p + fillOffsets[k];
      const s = from + fillOffsets[k];
      rgb[3 * j] = rgb[3 * s];
      rgb[3 * j + 1] = rgb[3 * s + 1];
      rgb[3 * j + 2] = rgb[3 * s + 2];
      grey[j] = grey[s];
      known[j] = 1;
      confidence[j] = c;
    }
    remaining -= fillCount;
    patches++;
    refresh(px - 2 * h - 2, py - 2 * h - 2, px + 2 * h + 2, py + 2 * h + 2);

    if (options.checkpoint && patches % PATCHES_PER_CLOCK_CHECK === 0) {
      const now = performance.now();
      if (now - lastCheckpoint >= CHECKPOINT_MS) {
        await options.checkpoint((total - remaining) / total);
        lastCheckpoint = performance.now();
      }
    }
  }
  return { patches, sourcePatches };
}

/** The mean confidence over the patch centred at (x, y), out-of-image pixels counting 0. */
function patchConfidence(
  confidence: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
  h: number,
): number {
  let c = 0;
  for (let yy = Math.max(0, y - h); yy <= Math.min(height - 1, y + h); yy++) {
    for (let xx = Math.max(0, x - h); xx <= Math.min(width - 1, x + h); xx++) c += confidence[yy * width + xx];
  }
  return c / ((2 * h + 1) * (2 * h + 1));
}

/** Summed-area table, (width + 1) × (height + 1). */
function integral(values: Uint8Array, width: number, height: number): Int32Array {
  const w1 = width + 1;
  const sums = new Int32Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += values[y * width + x];
      sums[(y + 1) * w1 + x + 1] = sums[y * w1 + x + 1] + row;
    }
  }
  return sums;
}

/** Sum over [x0, x1) × [y0, y1), clipped to the image. */
function boxSum(sums: Int32Array, width: number, x0: number, y0: number, x1: number, y1: number): number {
  const w1 = width + 1;
  const height = sums.length / w1 - 1;
  const ax = Math.max(0, x0);
  const ay = Math.max(0, y0);
  const bx = Math.min(width, x1);
  const by = Math.min(height, y1);
  if (ax >= bx || ay >= by) return 0;
  return sums[by * w1 + bx] - sums[ay * w1 + bx] - sums[by * w1 + ax] + sums[ay * w1 + ax];
}

function windowSources(sums: Int32Array, width: number, _height: number, x: number, y: number, r: number): number {
  return boxSum(sums, width, x - r, y - r, x + r + 1, y + r + 1);
}
