/** A catalog request that failed; a job that asked is retried by Bull, a request answers 503. */
export class CatalogUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogUnavailableError';
  }
}
