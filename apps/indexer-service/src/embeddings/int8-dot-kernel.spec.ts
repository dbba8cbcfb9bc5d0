import { describe, expect, it } from '@jest/globals';
import { createInt8DotKernel, KERNEL_STRIDE_BYTES } from './int8-dot-kernel.js';

describe('the int8 dot-product kernel', () => {
  it('computes every row exactly as integer arithmetic does, extremes included', () => {
    const kernel = createInt8DotKernel(4);
    const stride = KERNEL_STRIDE_BYTES * 3;
    const rows = 50;
    const mem = new Int8Array(kernel.memory.buffer);
    const queryAt = rows * stride;
    const outAt = queryAt + stride;
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 255) - 127;
    for (let i = 0; i < rows * stride; i++) mem[i] = next();
    for (let j = 0; j < stride; j++) mem[queryAt + j] = next();
    // the largest sums the kernel must hold: all 127 x 127 and all -127 x 127
    mem.fill(127, 0, stride);
    mem.fill(-127, stride, 2 * stride);
    mem.fill(127, queryAt, queryAt + stride);
    kernel.dotsI8(0, queryAt, rows, stride, outAt);
    const out = new Int32Array(kernel.memory.buffer, outAt, rows);
    for (let r = 0; r < rows; r++) {
      let want = 0;
      for (let j = 0; j < stride; j++) want += mem[r * stride + j] * mem[queryAt + j];
      expect(out[r]).toBe(want);
    }
    expect(out[0]).toBe(127 * 127 * stride);
    expect(out[1]).toBe(-127 * 127 * stride);
  });

  it('writes nothing for zero rows', () => {
    const kernel = createInt8DotKernel(1);
    const out = new Int32Array(kernel.memory.buffer, 1024, 1);
    out[0] = 42;
    kernel.dotsI8(0, 512, 0, KERNEL_STRIDE_BYTES, 1024);
    expect(out[0]).toBe(42);
  });
});
