// sRGB (IEC 61966-2-1, D65) <-> linear RGB <-> CIE XYZ <-> CIE L*a*b* (D65 white), on planes of floats.

/** D65 reference white, Y normalized to 1. */
const XN = 0.95047;
const YN = 1;
const ZN = 1.08883;
const DELTA = 6 / 29;
const DELTA_CUBED = DELTA * DELTA * DELTA;
const THREE_DELTA_SQUARED = 3 * DELTA * DELTA;

export interface LabPlanes {
  l: Float32Array;
  a: Float32Array;
  b: Float32Array;
}

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

function labF(t: number): number {
  return t > DELTA_CUBED ? Math.cbrt(t) : t / THREE_DELTA_SQUARED + 4 / 29;
}

function labFInverse(t: number): number {
  return t > DELTA ? t * t * t : THREE_DELTA_SQUARED * (t - 4 / 29);
}

/** One sRGB colour (components in [0, 1]) to [L*, a*, b*]. */
export function srgbToLab(r: number, g: number, b: number): [number, number, number] {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  const fx = labF((0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / XN);
  const fy = labF((0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb) / YN);
  const fz = labF((0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / ZN);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** One L*a*b* colour to sRGB components, not clamped: out-of-gamut colours fall outside [0, 1]. */
export function labToSrgb(l: number, a: number, b: number): [number, number, number] {
  const fy = (l + 16) / 116;
  const x = XN * labFInverse(fy + a / 500);
  const y = YN * labFInverse(fy);
  const z = ZN * labFInverse(fy - b / 200);
  const lr = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const lg = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  const lb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  // Linear values below 0 (out of gamut) have no sRGB encoding; clamp before the power.
  return [linearToSrgb(Math.max(0, lr)), linearToSrgb(Math.max(0, lg)), linearToSrgb(Math.max(0, lb))];
}

export function planesToLab(r: Float32Array, g: Float32Array, b: Float32Array): LabPlanes {
  const n = r.length;
  const out = { l: new Float32Array(n), a: new Float32Array(n), b: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const [l, a, bb] = srgbToLab(r[i], g[i], b[i]);
    out.l[i] = l;
    out.a[i] = a;
    out.b[i] = bb;
  }
  return out;
}

export function labToPlanes(lab: LabPlanes): { r: Float32Array; g: Float32Array; b: Float32Array } {
  const n = lab.l.length;
  const out = { r: new Float32Array(n), g: new Float32Array(n), b: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const [r, g, b] = labToSrgb(lab.l[i], lab.a[i], lab.b[i]);
    out.r[i] = r;
    out.g[i] = g;
    out.b[i] = b;
  }
  return out;
}
