/** A copy of `v` scaled to unit length (a zero vector stays zero), as a Float32Array. */
export function l2Normalize(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const out = new Float32Array(v.length);
  if (sum === 0) return out;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * inv;
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`dot of vectors of ${a.length} and ${b.length} dimensions`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * Symmetric int8 quantization of one vector: `codes[i] = round(v[i] * 127 / max|v|)` written into `into`
 * (at `offset`), returning the factor that turns a code back into the value (`max|v| / 127`).
 * Ranking by the int8 dot product times both factors keeps the order of the float one to within rounding.
 */
export function quantizeInt8(v: ArrayLike<number>, into: Int8Array, offset = 0): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
  if (max === 0 || !Number.isFinite(max)) {
    into.fill(0, offset, offset + v.length);
    return 0;
  }
  const scale = 127 / max;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] * scale;
    into[offset + i] = x < 0 ? -Math.round(-x) : Math.round(x); // halves away from zero, as for positives
  }
  return max / 127;
}

/** A vector as stored in PostgreSQL (`bytea`): its floats, little-endian float32. */
export function vectorToBytes(v: Float32Array): Buffer {
  const buf = Buffer.allocUnsafe(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i], i * 4);
  return buf;
}

/** The inverse of vectorToBytes; refuses a buffer that is not `dimensions` floats. */
export function vectorFromBytes(buf: Uint8Array, dimensions: number): Float32Array {
  if (buf.byteLength !== dimensions * 4)
    throw new Error(`a stored vector of ${buf.byteLength} bytes is not ${dimensions} float32 values`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
