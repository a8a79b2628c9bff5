import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDirs } from '../../src/config.ts';
import { checkAnchorLock } from '../../src/corpus/anchors.ts';
import { compareToSource } from '../../src/corpus/fidelity.ts';
import { readAnchorLock } from '../../src/node/anchor-lock.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';
import { sha256 } from '../../src/text/hash.ts';
import { splitSourceParagraphs } from '../../src/text/paragraphs.ts';

/** The published corpus in content/, read as the build reads it. */
const root = process.cwd();
const { model, problems, editorial } = await loadCorpus(root);
const sourceOf = (file: string) => readFileSync(join(root, contentDirs.sources, file));

describe('the published corpus', () => {
  it('loads and passes every check of the build', () => {
    expect(problems).toEqual([]);
  });

  it('publishes both sources as documents, paragraph for paragraph', () => {
    expect(model.documents.map((document) => [document.slug, document.blocks.length, document.debrisCount])).toEqual([
      ['mek-has-not-respected-the-2014-agreement', 24, 4],
      ['us-state-department-reacts', 13, 1],
    ]);
  });

  it('records every current paragraph anchor in content/anchors.lock.json (run `npm run lock` after adding a document)', async () => {
    const { lock } = await readAnchorLock(root);
    expect(checkAnchorLock(lock, model.anchors)).toEqual({ vanished: [], brokenRedirects: [], unlocked: [] });
  });

  it('records every unit of editorial text as published (run `npm run lock` after editing)', () => {
    expect(editorial.unlocked).toEqual([]);
  });

  it('keeps each source byte for byte as the SHA-256 in its page records it', () => {
    for (const document of model.documents) {
      expect(sha256(sourceOf(document.meta.source)), document.meta.source).toBe(document.meta.sha256);
    }
  });

  it('reproduces each source paragraph for paragraph, annotations stripped', () => {
    for (const document of model.documents) {
      const source = splitSourceParagraphs(sourceOf(document.meta.source).toString('utf8'));
      expect(compareToSource(document.blocks, source), document.file).toEqual([]);
    }
  });
});

describe('the Balkan Insight source', () => {
  it('has 24 paragraphs, the byline included in the last paragraph of the article', () => {
    const paragraphs = splitSourceParagraphs(sourceOf('mek-has-not-respected-the-2014-agreement.txt').toString('utf8'));
    expect(paragraphs).toHaveLength(24);
    expect(paragraphs[19]).toMatchObject({
      number: 20,
      line: 39,
      text: 'The US listed it as a terrorist organisation in 1997 but removed it from the blacklist in 2012 after it renounced violence. By Fjori Sinoruka – Balkaninsight',
    });
  });
});
