import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/text/hash.ts';

describe('sha256', () => {
  it('hashes bytes as hex', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
