import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnchorLock } from '../../src/corpus/anchors.ts';
import { sha256 } from '../../src/text/hash.ts';
import { readAnchorLock } from '../../src/node/anchor-lock.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';

const root = process.cwd();
const { model, problems } = await loadCorpus(root);

describe('the published corpus', () => {
  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('publishes both sources as documents, paragraph for paragraph', () => {
    expect(model.documents.map((document) => [document.slug, document.blocks.length, document.debrisCount])).toEqual([
      ['mek-has-not-respected-the-2014-agreement', 24, 4],
      ['us-state-department-reacts', 13, 1],
    ]);
  });

  it('records every current paragraph anchor in the committed lock file (run `npm run anchors:lock` after adding a document)', async () => {
    const { lock } = await readAnchorLock(root);
    expect(checkAnchorLock(lock, model.anchors)).toEqual({ vanished: [], brokenRedirects: [], unlocked: [] });
  });

  it('keeps each source byte-identical to the seed it was copied from', () => {
    const seeds = join(root, '..', 'shared', 'seeds');
    const seedHashes = existsSync(seeds) ? readdirSync(seeds).map((name) => sha256(readFileSync(join(seeds, name)))) : [];
    for (const document of model.documents) {
      const hash = sha256(readFileSync(join(root, 'content', 'sources', document.meta.source)));
      expect(hash).toBe(document.meta.sha256);
      if (seedHashes.length > 0) expect(seedHashes).toContain(hash);
    }
  });
});
