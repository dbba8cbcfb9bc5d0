/** The provider answered, but not with what was asked for (HTTP error, no JSON, ids outside the candidates). */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderError';
  }
}
