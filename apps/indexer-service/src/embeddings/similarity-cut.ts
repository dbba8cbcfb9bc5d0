/**
 * Every product has some similarity to every query, and without a cut the fused ranking would be padded with the
 * tenant's whole catalog. A semantic hit has a cosine similarity of at least MIN_SIMILARITY and at most
 * SIMILARITY_MARGIN below the best one. Measured with USE Lite on a handful of products (a part number or a word
 * of no product's meaning stays under the floor; related products come within 0.06 of the best, unrelated ones
 * 0.15 or more below it); to be tuned on bench:search's labelled queries.
 */
export const MIN_SIMILARITY = 0.4;
export const SIMILARITY_MARGIN = 0.1;
