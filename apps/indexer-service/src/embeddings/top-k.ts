export interface Scored {
  productId: number;
  score: number;
}

/** `a` ranks before `b`: higher score first, then the lower product id, so equal scores rank the same every time. */
const before = (aScore: number, aId: number, bScore: number, bId: number) =>
  aScore > bScore || (aScore === bScore && aId < bId);

/**
 * The best `k` of a stream of scored ids in O(n log k) time and O(k) memory: a binary heap whose root is
 * the worst of the best so far, so most candidates are refused by one comparison with the root.
 */
export class TopK {
  private readonly ids: Float64Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, not ${k}`);
    this.ids = new Float64Array(k);
    this.scores = new Float64Array(k);
  }

  /** The score a candidate must beat to enter, once the heap is full (-Infinity before). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  push(productId: number, score: number): void {
    if (this.k === 0 || Number.isNaN(score)) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(this.scores[parent], this.ids[parent], score, productId)) break;
        this.scores[i] = this.scores[parent];
        this.ids[i] = this.ids[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = productId;
      return;
    }
    if (!before(score, productId, this.scores[0], this.ids[0])) return;
    this.siftDownFromRoot(productId, score);
  }

  /** The entries, best first. */
  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ productId: this.ids[i], score: this.scores[i] });
    return out.sort((a, b) => (before(a.score, a.productId, b.score, b.productId) ? -1 : 1));
  }

  /** Replaces the root (the worst entry) and restores the heap: the worst entry always sits at the root. */
  private siftDownFromRoot(productId: number, score: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      // the child that ranks worse goes up
      let worse = left;
      if (right < this.size && before(this.scores[left], this.ids[left], this.scores[right], this.ids[right]))
        worse = right;
      if (!before(score, productId, this.scores[worse], this.ids[worse])) break;
      this.scores[i] = this.scores[worse];
      this.ids[i] = this.ids[worse];
      i = worse;
    }
    this.scores[i] = score;
    this.ids[i] = productId;
  }
}
