import { describe, expect, it } from '@jest/globals';
import { CopyData, copyInt, copyText } from './copy-text.js';

describe('copyText', () => {
  it('escapes what COPY text reads specially, keeps the rest and drops NUL', () => {
    expect(copyText('plain')).toBe('plain');
    expect(copyText('a\tb\nc\\d\re\u0000f')).toBe('a\\tb\\nc\\\\d\\re' + 'f');
    expect(copyText(null)).toBe('\\N');
  });
});

describe('copyInt', () => {
  it('writes integers as String does', () => {
    for (const n of [0, 1, 42, 999_999, 1_000_000, 2 ** 31, -7]) expect(copyInt(n)).toBe(String(n));
  });
});

describe('CopyData', () => {
  it('gathers lines into pieces of at most the piece size, whole lines only', () => {
    const data = new CopyData(32);
    const lines = Array.from({ length: 20 }, (_, i) => `${i}\tvalue ${i}\n`);
    const pieces: Buffer[] = [];
    for (const line of lines) {
      data.add(line);
      if (data.full) pieces.push(data.take());
    }
    pieces.push(data.take(true));
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(32);
      expect(p.toString('utf8').endsWith('\n')).toBe(true);
    }
    expect(Buffer.concat(pieces).toString('utf8')).toBe(lines.join(''));
  });

  it('measures multi-byte text exactly near the end of a piece', () => {
    const data = new CopyData(16);
    data.add('€€€€\n'); // 13 bytes
    expect(data.full).toBe(false);
    data.add('é\n'); // 3 bytes: fits exactly
    expect(data.full).toBe(false);
    data.add('x\n');
    expect(data.full).toBe(true);
    expect(data.take().toString('utf8')).toBe('€€€€\né\n');
    expect(data.take(true).toString('utf8')).toBe('x\n');
  });

  it('gives a line longer than a piece a buffer of its own', () => {
    const data = new CopyData(8);
    data.add('a\n');
    const long = `${'ü'.repeat(20)}\n`;
    data.add(long);
    data.add('b\n');
    expect(data.full).toBe(true);
    expect(data.take(true).toString('utf8')).toBe(`a\n${long}b\n`);
    expect(data.take(true).length).toBe(0);
  });
});
