import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../../src/ingest/decode.ts';
import { fixtures } from './fixture-glossary.ts';

const bad = (name: string) => readFileSync(`${fixtures}/bad/${name}`);

describe('firstInvalidUtf8', () => {
  it('returns -1 for valid UTF-8 of one to four bytes a character', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Çuçi ✓ 𝄞'))).toBe(-1);
  });

  it('points at a lead byte whose continuation is missing', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc3, 0x28]))).toBe(1);
  });

  it('refuses an encoded surrogate', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
  });

  it('refuses an overlong form', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(0);
  });

  it('refuses a sequence cut short by the end of the file', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1);
  });
});

describe('decodeSource', () => {
  it('decodes UTF-8 text as it is', () => {
    expect(decodeSource(new TextEncoder().encode('Bledi Çuçi said so.\n'), 'a.txt')).toEqual({ ok: true, text: 'Bledi Çuçi said so.\n' });
  });

  it('accepts text with a stray control character', () => {
    expect(decodeSource(new TextEncoder().encode('An article\u0007 with a bell in a long enough line of text.\n'), 'a.txt')).toEqual({
      ok: true,
      text: 'An article\u0007 with a bell in a long enough line of text.\n',
    });
  });

  it('refuses an empty file', () => {
    expect(decodeSource(bad('empty.txt'), 'empty.txt')).toEqual({ ok: false, message: 'empty.txt: the file is empty: pass the text file of the article' });
  });

  it('refuses a file of white space only', () => {
    expect(decodeSource(bad('blank.txt'), 'blank.txt')).toEqual({
      ok: false,
      message: 'blank.txt: the file is empty (nothing but white space): pass the text file of the article',
    });
  });

  it('refuses text that is not UTF-8, naming the line, the byte and its offset', () => {
    expect(decodeSource(bad('latin1.txt'), 'latin1.txt')).toEqual({
      ok: false,
      message:
        'latin1.txt:1: the file is not UTF-8 (byte 0xe9 at offset 3 is not valid UTF-8): convert it from its real encoding, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`, and check the result',
    });
  });

  it('recognises UTF-16 by its byte-order mark', () => {
    expect(decodeSource(bad('utf16.txt'), 'utf16.txt')).toEqual({
      ok: false,
      message:
        'utf16.txt:1: the file is not UTF-8 but UTF-16 (it starts with the byte-order mark 0xff 0xfe): convert it first, e.g. `iconv -f UTF-16 -t UTF-8 in.txt > out.txt`',
    });
  });

  it('recognises UTF-16 without a byte-order mark by its pattern of NUL bytes, little- and big-endian', () => {
    const le = new Uint8Array(Buffer.from('Police raid the camp\n', 'utf16le'));
    const be = le.map((_, index) => le[index ^ 1] ?? 0);
    expect(decodeSource(le, 'le.txt')).toEqual({
      ok: false,
      message:
        'le.txt:1: the file is not UTF-8 but looks like UTF-16 little-endian without a byte-order mark (every other byte is NUL): convert it first, e.g. `iconv -f UTF-16LE -t UTF-8 in.txt > out.txt`',
    });
    expect(decodeSource(be, 'be.txt')).toEqual({
      ok: false,
      message:
        'be.txt:1: the file is not UTF-8 but looks like UTF-16 big-endian without a byte-order mark (every other byte is NUL): convert it first, e.g. `iconv -f UTF-16BE -t UTF-8 in.txt > out.txt`',
    });
  });

  it('refuses binary data with a NUL byte, naming its line and offset', () => {
    expect(decodeSource(bad('binary.bin'), 'binary.bin')).toEqual({
      ok: false,
      message: 'binary.bin:3: the file is binary data, not text (NUL byte at offset 8): pass the article as a plain UTF-8 text file',
    });
  });

  it('refuses text made largely of control characters', () => {
    expect(decodeSource(bad('controls.txt'), 'controls.txt')).toEqual({
      ok: false,
      message: 'controls.txt: the file looks like binary data, not text (10 control characters in 24): pass the article as a plain UTF-8 text file',
    });
  });
});
