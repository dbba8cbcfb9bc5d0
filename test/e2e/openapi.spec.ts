import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';

// The same module `npm run openapi` writes openapi.json with; it renders from dist/ (`npm test` builds first).
const DOCUMENT_MODULE = '../../scripts/openapi-document.js';
const COMMITTED = new URL('../../openapi.json', import.meta.url);
const REGENERATE = 'openapi.json is out of date: run `npm run build && npm run openapi` and commit the result.';

/** JSON pointers where two documents differ (the first few), for a readable failure. */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    Array.isArray(a) === Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        out,
      );
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(
      `${path || '/'}: committed ${JSON.stringify(a) ?? 'nothing'}, rendered ${JSON.stringify(b) ?? 'nothing'}`.slice(
        0,
        300,
      ),
    );
  }
  return out;
}

describe('the committed openapi.json', () => {
  it('is exactly what renderOpenApi() produces from the current code', async () => {
    const { renderOpenApi } = (await import(DOCUMENT_MODULE)) as { renderOpenApi: () => Promise<string> };
    const [rendered, committed] = await Promise.all([renderOpenApi(), readFile(COMMITTED, 'utf8')]);

    const document = JSON.parse(rendered) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/v1/jobs');

    if (committed !== rendered) {
      let found: string[];
      try {
        found = differences(JSON.parse(committed), document);
      } catch (err) {
        found = [`the committed file is not JSON: ${(err as Error).message}`];
      }
      if (found.length === 0) found = ['same content, different formatting'];
      throw new Error(`${REGENERATE}\nFirst differences (JSON pointer):\n  ${found.join('\n  ')}`);
    }
  });
});
