import { createInt8DotKernel, KERNEL_STRIDE_BYTES, WASM_PAGE_BYTES, type Int8DotKernel } from './int8-dot-kernel.js';
import { TopK, type Scored } from './top-k.js';
import { quantizeInt8 } from './vectors.js';

const INITIAL_CAPACITY = 1024;

/**
 * The vectors of one tenant, in memory, searched by brute force: every row int8-quantized (one scale per row)
 * in one contiguous WebAssembly memory, scored by a SIMD kernel, the best `k` kept by a bounded heap.
 * 100,000 x 512 dimensions take 51 MB and about 5 ms a query (bench/README.md); exact for ranking to within
 * the quantization (recall@10 against float32 is measured by bench:embeddings).
 *
 * Layout of the memory: the rows from offset 0 (`stride` bytes each, zero-padded), then one int32 score per
 * row, then the quantized query. Growing keeps the rows where they are; the scratch areas move.
 */
export class VectorIndex {
  /** Bytes per row: the dimensions rounded up to what the kernel reads a step. */
  readonly stride: number;
  private readonly kernel: Int8DotKernel;
  private capacity = 0;
  private count = 0;
  private ids = new Float64Array(0);
  private scales = new Float32Array(0);
  private readonly slots = new Map<number, number>();

  constructor(readonly dimensions: number) {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`bad dimensions ${dimensions}`);
    this.stride = Math.ceil(dimensions / KERNEL_STRIDE_BYTES) * KERNEL_STRIDE_BYTES;
    this.kernel = createInt8DotKernel(1);
    this.reserve(INITIAL_CAPACITY);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of WebAssembly memory held (rows, scores and query). */
  get memoryBytes(): number {
    return this.kernel.memory.buffer.byteLength;
  }

  has(productId: number): boolean {
    return this.slots.has(productId);
  }

  productIds(): number[] {
    return [...this.slots.keys()];
  }

  /** Adds or replaces the vector of `productId`. */
  upsert(productId: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions)
      throw new RangeError(`a vector of ${vector.length} dimensions in an index of ${this.dimensions}`);
    let slot = this.slots.get(productId);
    if (slot === undefined) {
      if (this.count === this.capacity) this.reserve(this.capacity * 2);
      slot = this.count++;
      this.slots.set(productId, slot);
      this.ids[slot] = productId;
    }
    const rows = new Int8Array(this.kernel.memory.buffer, 0, this.capacity * this.stride);
    this.scales[slot] = quantizeInt8(vector, rows, slot * this.stride);
  }

  /** Removes `productId`; the last row takes its place. Returns whether it was there. */
  remove(productId: number): boolean {
    const slot = this.slots.get(productId);
    if (slot === undefined) return false;
    const last = --this.count;
    this.slots.delete(productId);
    if (slot !== last) {
      const bytes = new Uint8Array(this.kernel.memory.buffer);
      bytes.copyWithin(slot * this.stride, last * this.stride, (last + 1) * this.stride);
      this.ids[slot] = this.ids[last];
      this.scales[slot] = this.scales[last];
      this.slots.set(this.ids[slot], slot);
    }
    return true;
  }

  /**
   * The `k` rows closest to `query` by dot product (cosine for unit vectors), best first; `accept` (when
   * given) filters product ids before they compete for a place.
   */
  search(query: ArrayLike<number>, k: number, accept?: (productId: number) => boolean): Scored[] {
    if (query.length !== this.dimensions)
      throw new RangeError(`a query of ${query.length} dimensions in an index of ${this.dimensions}`);
    const top = new TopK(Math.min(k, this.count));
    if (this.count === 0 || k <= 0) return top.sorted();
    const scoresAt = this.capacity * this.stride;
    const queryAt = scoresAt + this.capacity * 4;
    const buffer = this.kernel.memory.buffer;
    const queryScale = quantizeInt8(query, new Int8Array(buffer, queryAt, this.stride));
    new Int8Array(buffer, queryAt + this.dimensions, this.stride - this.dimensions).fill(0);
    this.kernel.dotsI8(0, queryAt, this.count, this.stride, scoresAt);
    const raw = new Int32Array(buffer, scoresAt, this.count);
    const { ids, scales } = this;
    for (let i = 0; i < raw.length; i++) {
      const score = raw[i] * scales[i] * queryScale;
      if (score < top.threshold) continue;
      if (accept && !accept(ids[i])) continue;
      top.push(ids[i], score);
    }
    return top.sorted();
  }

  /** Room for `capacity` rows: the memory grows, the rows stay, ids and scales are copied over. */
  private reserve(capacity: number): void {
    const needed = capacity * this.stride + capacity * 4 + this.stride;
    const have = this.kernel.memory.buffer.byteLength;
    if (needed > have) this.kernel.memory.grow(Math.ceil((needed - have) / WASM_PAGE_BYTES));
    const ids = new Float64Array(capacity);
    ids.set(this.ids.subarray(0, this.count));
    const scales = new Float32Array(capacity);
    scales.set(this.scales.subarray(0, this.count));
    this.ids = ids;
    this.scales = scales;
    this.capacity = capacity;
  }
}
