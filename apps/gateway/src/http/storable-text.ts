import { ApiError } from './http-error.js';

/** Fields named in one refusal at most; a body full of them needs no longer list. */
const MAX_FIELDS = 20;

/** A UTF-16 surrogate without its other half: not a character, and not storable as UTF-8 or in a JSON column. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why no service can store `text` (PostgreSQL refuses a NUL in text and a lone surrogate in JSON), or null. */
export function unstorableReason(text: string): string | null {
  if (text.includes('\0')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone surrogate such as \\ud800 is not)';
  return null;
}

/**
 * Arrays and plain objects, whose prototype is Object's, none, or one without a prototype of its own (a parsed
 * query string's); never a Buffer, a stream or an instance of a class.
 */
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * The strings (values or keys) under `value` that no service can store, by dotted path (`root` for `value`
 * itself) with the reason. Walks without recursion: a JSON body's depth is bounded by the parser
 * (JSON_MAX_DEPTH), a form's and a query's is small.
 */
export function unstorableFields(value: unknown, root: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  let count = 0;
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length && count < MAX_FIELDS) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      const reason = unstorableReason(item);
      if (reason) {
        found[path] = [`${path} ${reason}`];
        count++;
      }
    } else if (isContainer(item)) {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        const reason = unstorableReason(key);
        if (reason) {
          found[childPath] = [`the name of ${childPath} ${reason}`];
          count++;
        } else pending.push([child, childPath]);
      }
    }
  }
  return found;
}

/** Throws the 400 naming each field of `value` no service can store, if any. */
export function refuseUnstorableText(value: unknown, root: string): void {
  const details = unstorableFields(value, root);
  if (Object.keys(details).length) throw new ApiError(400, 'validation_failed', 'The request is not valid', details);
}

/** The 400 for a file whose name no service can store, naming the form field of the file; null when it can. */
export function fileNameRefusal(field: string, fileName: string | undefined): ApiError | null {
  const reason = fileName ? unstorableReason(fileName) : null;
  if (!reason) return null;
  return new ApiError(400, 'validation_failed', 'The file name is not valid', {
    [field]: [`the file name ${reason}`],
  });
}
