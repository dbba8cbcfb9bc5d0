import { describe, expect, it } from '@jest/globals';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { ApiError } from './http-error.js';
import { fileLast, fileThenEndOfForm, refusalOfPartsAfterFile } from './file-last.interceptor.js';

type FileStream = PassThrough & MultipartFile['file'];

const field = (fieldname: string, value = 'x') => ({ type: 'field', fieldname, value }) as Multipart;

function fileStream(): FileStream {
  return Object.assign(new PassThrough(), { truncated: false, bytesRead: 0 });
}

const filePart = (fieldname: string, filename: string, file = fileStream()) =>
  ({
    type: 'file',
    fieldname,
    filename,
    encoding: '7bit',
    mimetype: 'text/csv',
    file,
  }) as Partial<MultipartFile> as Multipart;

/** The parts of a form as the parser hands them over, then `error` if given. */
async function* form(parts: Multipart[], error?: Error): AsyncGenerator<Multipart, void, undefined> {
  yield* parts;
  if (error) throw error;
}

/** Parts held back until release() is called: the rest of a form still on its way. */
function formOnItsWay(parts: Multipart[]) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  async function* rest(): AsyncGenerator<Multipart, void, undefined> {
    await arrived;
    yield* parts;
  }
  return { rest: rest(), release };
}

const limitError = (code: string) => Object.assign(new Error('reach files limit'), { code, statusCode: 413 });

const envelope = (err: unknown) => ({ status: (err as ApiError).getStatus(), body: (err as ApiError).getResponse() });

describe('refusalOfPartsAfterFile', () => {
  it('finds nothing wrong when the file was the last part', async () => {
    expect(await refusalOfPartsAfterFile(form([]))).toBeNull();
  });

  it('names every field that came after the file', async () => {
    const refusal = await refusalOfPartsAfterFile(
      form([field('mode', 'upsert'), field('force', 'true'), field('mode', 'insert')]),
    );
    expect(envelope(refusal)).toEqual({
      status: 400,
      body: {
        error: 'validation_failed',
        message: 'Form fields must come before the file: mode, force came after it',
        details: {
          mode: ['mode must come before the file part in the form'],
          force: ['force must come before the file part in the form'],
        },
      },
    });
  });

  it('refuses a second file, whether the parser hands it over or stops at its files limit, and reads it to nowhere', async () => {
    const second = fileStream();
    second.end('second file');
    const refusal = await refusalOfPartsAfterFile(form([field('mode'), filePart('file', 'two.csv', second)]));
    expect(envelope(refusal).body).toEqual({
      error: 'validation_failed',
      message: 'The form has more than one file: send one file, as the last part of the form',
      details: {
        mode: ['mode must come before the file part in the form'],
        file: [expect.stringMatching(/second file part/)],
      },
    });
    expect(second.readableFlowing).toBe(true);
    const limited = await refusalOfPartsAfterFile(form([], limitError('FST_FILES_LIMIT')));
    expect(envelope(limited).body).toEqual(
      expect.objectContaining({ details: { file: [expect.stringMatching(/second file part/)] } }),
    );
  });

  it('throws other errors of the parser, unless parts after the file were refused already', async () => {
    const gone = new Error('Premature close');
    await expect(refusalOfPartsAfterFile(form([], gone))).rejects.toBe(gone);
    const refusal = await refusalOfPartsAfterFile(form([field('mode')], limitError('FST_PARTS_LIMIT')));
    expect(envelope(refusal).body).toEqual(expect.objectContaining({ details: { mode: [expect.any(String)] } }));
  });
});

describe('fileThenEndOfForm', () => {
  it('passes the bytes through and ends only once the rest of the form was read and empty', async () => {
    const file = fileStream();
    const { rest, release } = formOnItsWay([]);
    const out = fileThenEndOfForm(file, rest);
    const read = text(out);
    file.end('a,b\n1,2\n');
    let ended = false;
    out.once('end', () => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
    release();
    expect(await read).toBe('a,b\n1,2\n');
  });

  it("fails with the refusal when a field follows the file, after the file's bytes", async () => {
    const file = fileStream();
    const out = fileThenEndOfForm(file, form([field('mode', 'upsert')]));
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    file.end('a,b\n');
    const err = await new Promise((resolve) => out.once('error', resolve));
    expect(chunks.join('')).toBe('a,b\n');
    expect(envelope(err).body).toEqual(
      expect.objectContaining({ details: { mode: ['mode must come before the file part in the form'] } }),
    );
  });

  it("shows the parser's size limit (truncated, limit) and its errors", async () => {
    const file = fileStream();
    const out = fileThenEndOfForm(file, form([]));
    let limited = false;
    out.once('limit', () => (limited = true));
    file.truncated = true;
    file.emit('limit');
    expect({ truncated: out.truncated, limited }).toEqual({ truncated: true, limited: true });
    const broken = new Error('Part terminated early');
    file.destroy(broken);
    expect(await new Promise((resolve) => out.once('error', resolve))).toBe(broken);
  });

  it('stops the file when its reader gives up, and reads nothing of the form after it', async () => {
    const file = fileStream();
    let asked = false;
    const rest = (async function* () {
      asked = true;
      yield* [] as Multipart[];
    })();
    const out = fileThenEndOfForm(file, rest);
    out.destroy(new Error('refused type'));
    await new Promise((resolve) => file.once('close', resolve));
    expect({ destroyed: file.destroyed, asked }).toEqual({ destroyed: true, asked: false });
  });
});

describe('fileLast', () => {
  it('hands over the fields before the file as they are, and the first file with a stream that waits for the end of the form', async () => {
    const mode = field('mode', 'upsert');
    const empty = filePart('file', '');
    const file = fileStream();
    const trailing = field('force', 'true');
    const parts = fileLast(form([mode, empty, filePart('file', 'a.csv', file), trailing]));
    expect((await parts.next()).value).toBe(mode);
    // An empty file input (no file name) is not the file.
    expect((await parts.next()).value).toBe(empty);
    const handed = (await parts.next()).value as MultipartFile;
    expect(handed).toEqual(expect.objectContaining({ type: 'file', fieldname: 'file', filename: 'a.csv' }));
    expect(handed.file).not.toBe(file);
    // The parts after the file are read by the file's stream, not handed over.
    expect(await parts.next()).toEqual({ done: true, value: undefined });
    const failed = new Promise((resolve) => handed.file.once('error', resolve));
    handed.file.resume();
    file.end('a\n');
    expect(envelope(await failed).body).toEqual(expect.objectContaining({ details: { force: [expect.any(String)] } }));
  });
});
