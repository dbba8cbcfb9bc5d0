import { describe, expect, it } from '@jest/globals';
import { dot, l2Normalize, quantizeInt8, vectorFromBytes, vectorToBytes } from './vectors.js';

describe('l2Normalize', () => {
  it('scales a vector to unit length, keeping its direction', () => {
    const v = l2Normalize([3, 4]);
    expect(Array.from(v)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(dot(v, v)).toBeCloseTo(1, 6);
  });

  it('leaves a zero vector zero instead of dividing by zero', () => {
    expect(Array.from(l2Normalize([0, 0, 0]))).toEqual([0, 0, 0]);
  });
});

describe('quantizeInt8', () => {
  it('maps the largest magnitude to 127 and returns the factor back', () => {
    const codes = new Int8Array(3);
    const factor = quantizeInt8([0.5, -0.25, 0.1], codes);
    expect(Array.from(codes)).toEqual([127, -64, 25]);
    expect(factor).toBeCloseTo(0.5 / 127, 9);
    expect(codes[1] * factor).toBeCloseTo(-0.25, 2);
  });

  it('writes at the offset and zeroes a zero vector', () => {
    const codes = new Int8Array(5).fill(9);
    expect(quantizeInt8([0, 0], codes, 2)).toBe(0);
    expect(Array.from(codes)).toEqual([9, 9, 0, 0, 9]);
  });
});

describe('vectorToBytes / vectorFromBytes', () => {
  it('round-trips float32 values as little-endian bytes', () => {
    const v = new Float32Array([1.5, -0.125, 3e-8]);
    const bytes = vectorToBytes(v);
    expect(bytes.byteLength).toBe(12);
    expect(bytes.readFloatLE(4)).toBe(-0.125);
    expect(vectorFromBytes(bytes, 3)).toEqual(v);
  });

  it('reads a buffer that is a slice of a larger one', () => {
    const big = Buffer.concat([Buffer.from([1, 2, 3]), vectorToBytes(new Float32Array([2, 4]))]);
    expect(Array.from(vectorFromBytes(big.subarray(3), 2))).toEqual([2, 4]);
  });

  it('refuses a buffer of another length', () => {
    expect(() => vectorFromBytes(Buffer.alloc(10), 3)).toThrow(/10 bytes is not 3 float32/);
  });
});
