import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './http-error.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function decodeKey(raw: string): string {
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.slice(1, -1);
  }
}

/**
 * Whether JSON text nests deeper than `max` objects and arrays, read in one pass before it is parsed (brackets in
 * strings do not count): the top-level field that does, `''` when the body itself is an array that does, null
 * when none does. For text that is not JSON the answer may be either; the parser refuses it then anyway.
 */
export function fieldNestedDeeperThan(text: string, max: number): string | null {
  let depth = 0;
  let rootIsObject = false;
  // The last string directly in the root: the key of the value that follows it.
  let keyStart = -1;
  let keyEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
      if (depth === 1) {
        keyStart = start;
        keyEnd = i + 1;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 0) rootIsObject = c === OPEN_BRACE;
      if (++depth > max) return rootIsObject && keyStart >= 0 ? decodeKey(text.slice(keyStart, keyEnd)) : '';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return null;
}

/**
 * Fastify's JSON parser (same poisoning checks, same BODY_LIMIT_BYTES), refusing bodies nested deeper than
 * `maxDepth` with a 400 naming the top-level field before they are parsed: validation and idempotency walk bodies
 * recursively, and a few kilobytes of `[[[[...]]]]` would overflow their stack. Registered through Nest, which
 * then adds no JSON parser of its own.
 */
export function useDepthLimitedJsonParser(app: NestFastifyApplication, maxDepth: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser(
    fastify.initialConfig.onProtoPoisoning ?? 'error',
    fastify.initialConfig.onConstructorPoisoning ?? 'error',
  );
  app.useBodyParser('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    const field = fieldNestedDeeperThan(text, maxDepth);
    if (field === null) return parse(request as FastifyRequest, text, done);
    const name = field || 'body';
    done(
      new ApiError(400, 'validation_failed', `The JSON body is nested deeper than ${maxDepth} levels`, {
        [name]: [`${name} must not be nested deeper than ${maxDepth} levels (JSON_MAX_DEPTH)`],
      }),
      undefined,
    );
  });
}
