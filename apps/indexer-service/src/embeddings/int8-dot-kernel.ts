/**
 * The compiled form of int8-dot.wat (WebAssembly SIMD): `dotsI8(data, query, rows, stride, out)` writes the
 * int32 dot product of the int8 query with each of `rows` int8 rows into `out`. Plain JavaScript takes 75 ms
 * for 100,000 x 512 floats; this takes about 5 ms (bench/README.md). Built with wabt 1.0.37:
 * `wat2wasm --enable-simd int8-dot.wat`, then base64.
 */
const WASM_BASE64 =
  'AGFzbQEAAAABCQFgBX9/f39/AAISAQNlbnYGbWVtb3J5AgEBgIAEAwIBAAcKAQZkb3RzSTgAAAr1AgHyAgIDfwd7IAEgA2ohByAEIAJBAnRqIQUCQANAIAQgBU8NAf0MAAAAAAAAAAAAAAAAAAAAACEI/QwAAAAAAAAAAAAAAAAAAAAAIQn9DAAAAAAAAAAAAAAAAAAAAAAhCv0MAAAAAAAAAAAAAAAAAAAAACELIAEhBgNAIAD9AAQAIQwgBv0ABAAhDSAIIAwgDf2cASAMIA39nQH9jgH9fv2uASEIIAD9AAQQIQwgBv0ABBAhDSAJIAwgDf2cASAMIA39nQH9jgH9fv2uASEJIAD9AAQgIQwgBv0ABCAhDSAKIAwgDf2cASAMIA39nQH9jgH9fv2uASEKIAD9AAQwIQwgBv0ABDAhDSALIAwgDf2cASAMIA39nQH9jgH9fv2uASELIABBwABqIQAgBkHAAGohBiAGIAdJDQALIAggCf2uASAKIAv9rgH9rgEhDiAEIA79GwAgDv0bAWogDv0bAiAO/RsDamo2AgAgBEEEaiEEDAALCws=';

/** Row strides are a multiple of this many bytes (the kernel reads 64 bytes a step). */
export const KERNEL_STRIDE_BYTES = 64;

/** The few WebAssembly names used here (the project's lib settings have no DOM types, which declare them). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export const WASM_PAGE_BYTES = 65536;

export interface Int8DotKernel {
  readonly memory: WasmMemory;
  dotsI8(data: number, query: number, rows: number, stride: number, out: number): void;
}

let compiled: object | undefined;

/** A kernel instance over a memory of its own of `initialPages` 64 KiB pages (grown by the caller). */
export function createInt8DotKernel(initialPages: number): Int8DotKernel {
  compiled ??= new wasm.Module(Buffer.from(WASM_BASE64, 'base64'));
  const memory = new wasm.Memory({ initial: initialPages, maximum: 65536 });
  const instance = new wasm.Instance(compiled, { env: { memory } });
  const dotsI8 = instance.exports.dotsI8 as Int8DotKernel['dotsI8'];
  return { memory, dotsI8 };
}
