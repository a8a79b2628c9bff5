import { createHash } from 'node:crypto';

/** The SHA-256 of a text or of bytes, in lower-case hex: how pages record their sources. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
