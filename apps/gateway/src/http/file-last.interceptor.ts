import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import type { Observable } from 'rxjs';
import { ApiError } from './http-error.js';

type FileStream = MultipartFile['file'];

const SECOND_FILE = 'the form has a second file part: send one file, as the last part of the form';

/**
 * Reads the parts that follow the file to the end of the form, and refuses any (a field, a second file)
 * with a 400 naming them; null when the file was the last part. Errors of the parser other than the files
 * limit (which is how @fastify/multipart reports a second file) are thrown, unless parts were refused already.
 */
export async function refusalOfPartsAfterFile(rest: AsyncIterator<Multipart>): Promise<ApiError | null> {
  const details: Record<string, string[]> = {};
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const part = next.value;
      if (part.type === 'file') {
        // Read to nowhere, so the parser gets on to the parts after it.
        part.file.resume();
        details.file = [SECOND_FILE];
      } else {
        details[part.fieldname] = [`${part.fieldname} must come before the file part in the form`];
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') details.file = [SECOND_FILE];
    else if (Object.keys(details).length === 0) throw err;
  }
  if (details.file)
    return new ApiError(
      400,
      'validation_failed',
      'The form has more than one file: send one file, as the last part of the form',
      details,
    );
  const fields = Object.keys(details);
  if (fields.length === 0) return null;
  return new ApiError(
    400,
    'validation_failed',
    `Form fields must come before the file: ${fields.join(', ')} came after it`,
    details,
  );
}

/**
 * The file's bytes, ending only once the rest of the form was read and found empty, and failing with the
 * refusal otherwise: whoever stores the file sees the error before the object is complete. `truncated` and
 * 'limit' are the parser's, which FileStreamInterceptor watches for the size limit.
 */
class FileThenEndOfForm extends PassThrough implements FileStream {
  constructor(private readonly source: FileStream) {
    super();
  }

  get truncated(): boolean {
    return this.source.truncated;
  }

  get bytesRead(): number {
    return this.source.bytesRead;
  }
}

export function fileThenEndOfForm(file: FileStream, rest: AsyncIterator<Multipart>): FileStream {
  const out = new FileThenEndOfForm(file);
  // Failures are its reader's to handle; a stream nobody reads yet (the route's pipes refused the form) must
  // not crash the process with an unhandled 'error', as @fastify/multipart guards its own file streams.
  out.on('error', () => undefined);
  file.on('limit', () => out.emit('limit'));
  file.on('error', (err) => out.destroy(err));
  // Destroyed by its reader (a refused type, the size limit, a discarded upload): the parser stops too.
  out.on('close', () => {
    if (!file.readableEnded) file.destroy();
  });
  file.once('end', () => {
    refusalOfPartsAfterFile(rest).then(
      (refusal) => (refusal ? out.destroy(refusal) : out.end()),
      (err: Error) => out.destroy(err),
    );
  });
  file.pipe(out, { end: false });
  return out;
}

/** The parts of a form, with the stream of the first file replaced by fileThenEndOfForm's. */
export async function* fileLast(parts: AsyncIterableIterator<Multipart>): AsyncGenerator<Multipart, void, undefined> {
  const rest = parts[Symbol.asyncIterator]();
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    const part = next.value;
    if (part.type === 'file' && part.filename) {
      // The parts after the file are fileThenEndOfForm's to read.
      yield { ...part, file: fileThenEndOfForm(part.file, rest) };
      return;
    }
    yield part;
  }
}

/**
 * Makes the file the last part of an upload form. FileStreamInterceptor stops parsing at the file, so a
 * field sent after it (mode, force ...) would be dropped without a word and the upload taken with defaults.
 * Bound before FileStreamInterceptor, this hands it a file stream that ends only after the rest of the form
 * was read, and fails with a 400 naming what came after the file; the upload is then refused and whatever
 * was stored of it removed, like any other refused file. The file still streams: nothing is buffered.
 */
@Injectable()
export class FileLastInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (typeof req.parts === 'function') {
      const parts = req.parts.bind(req);
      // An own property shadows the plugin's method for this request only (FileStreamInterceptor sets req.file so).
      req.parts = (options) => fileLast(parts(options));
    }
    return next.handle();
  }
}
