/**
 * The input file of ingest: its bytes decoded as UTF-8 text, or a message
 * saying why they cannot be a verbatim article (file:line where there is a
 * line to point at).
 */

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decodes the bytes of a source file, refusing what cannot be a verbatim
 * article: an empty file, binary data, text that is not UTF-8.
 */
export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  const fail = (line: number | undefined, message: string): Decoded => ({ ok: false, message: `${line ? `${file}:${line}` : file}: ${message}` });
  if (bytes.length === 0) return fail(undefined, 'the file is empty: pass the text file of the article');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(
      1,
      `the file is not UTF-8 but UTF-16 (it starts with the byte-order mark ${hex(bytes[0])} ${hex(bytes[1])}): convert it first, e.g. \`iconv -f UTF-16 -t UTF-8 in.txt > out.txt\``,
    );
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    return fail(
      1,
      `the file is not UTF-8 but looks like UTF-16 ${utf16 === 'LE' ? 'little' : 'big'}-endian without a byte-order mark (every other byte is NUL): convert it first, e.g. \`iconv -f UTF-16${utf16} -t UTF-8 in.txt > out.txt\``,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    return fail(lineOfByte(bytes, nul), `the file is binary data, not text (NUL byte at offset ${nul}): pass the article as a plain UTF-8 text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    return fail(
      lineOfByte(bytes, offset),
      `the file is not UTF-8 (byte ${hex(bytes[offset])} at offset ${offset} is not valid UTF-8): convert it from its real encoding, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt\`, and check the result`,
    );
  }
  const characters = [...text];
  const controls = characters.filter((char) => /\p{Cc}/u.test(char) && !/\s/u.test(char)).length;
  // Scraped text may carry a stray control character; a binary file carries many.
  if (controls > 0 && controls >= Math.max(2, characters.length * 0.01)) {
    return fail(
      undefined,
      `the file looks like binary data, not text (${controls} control characters in ${characters.length}): pass the article as a plain UTF-8 text file`,
    );
  }
  if (text.trim() === '') return fail(undefined, 'the file is empty (nothing but white space): pass the text file of the article');
  return { ok: true, text };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range rules out overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      const byte = bytes[index + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * 'LE' or 'BE' when the bytes have the NUL pattern of UTF-16 text without a
 * byte-order mark: Latin text in UTF-16 has a NUL in most odd bytes (LE) or
 * most even bytes (BE), and almost none in the others; binary data does not.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes.length < 4) return undefined;
  const pairs = Math.floor(bytes.length / 2);
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenNul += 1;
    if (bytes[index + 1] === 0) oddNul += 1;
  }
  if (oddNul >= pairs * 0.5 && evenNul <= pairs * 0.05) return 'LE';
  if (evenNul >= pairs * 0.5 && oddNul <= pairs * 0.05) return 'BE';
  return undefined;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).padStart(2, '0')}`;
}
