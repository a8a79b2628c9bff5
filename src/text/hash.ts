import { createHash } from 'node:crypto';

/** The SHA-256 of a text or of bytes, in lower-case hex: how pages record their sources. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of parts given one after another, as of their concatenation, without making it: a digest of a large whole. */
export function sha256OfParts(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
