import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../../src/corpus/model.ts';
import { openDocumentCache, pipelineVersion } from '../../../src/node/document-cache.ts';
import type { DocumentPage } from '../../../src/node/document-page.ts';
import type { DocumentGlossary, DocumentReads, DocumentTask } from '../../../src/node/document-task.ts';
import { openPageStore, readDocumentPage } from '../../../src/node/page-store.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

/**
 * The pipeline's version follows the modules the per-document task imports,
 * found through their relative imports (`from`, bare `import` and
 * `import()`), and the lock file: tests/fixtures/pipeline-version is such a
 * pipeline, copied before each change.
 */
describe('pipelineVersion', () => {
  let dir = '';
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-version-'));
    cpSync('tests/fixtures/pipeline-version', dir, { recursive: true });
    return {
      version: () => pipelineVersion([join(dir, 'worker.ts')], join(dir, 'package-lock.json')),
      before: pipelineVersion([join(dir, 'worker.ts')], join(dir, 'package-lock.json')),
    };
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same for the same modules wherever they are', () => {
    const first = copy();
    const second = pipelineVersion([join('tests/fixtures/pipeline-version', 'worker.ts')], join('tests/fixtures/pipeline-version', 'package-lock.json'));
    expect(first.before).toBe(second);
    expect(first.before).toMatch(/^[0-9a-f]{64}$/u);
  });

  it.each([['render.ts'], ['options.ts'], ['plugins/emphasis.ts'], ['side-effect.ts'], ['package-lock.json']])('changes when %s changes', (file) => {
    const { version, before } = copy();
    appendFileSync(join(dir, file), '\n// changed\n');
    expect(version()).not.toBe(before);
  });

  it('follows every entry it is given, not the first alone', () => {
    copy();
    const both = () => pipelineVersion([join(dir, 'worker.ts'), join(dir, 'unused.ts')], join(dir, 'package-lock.json'));
    const before = both();
    appendFileSync(join(dir, 'unused.ts'), '\n// changed\n');
    expect(both()).not.toBe(before);
  });

  it('stays the same when a module the pipeline does not import changes', () => {
    const { version, before } = copy();
    appendFileSync(join(dir, 'unused.ts'), '\n// changed\n');
    expect(version()).toBe(before);
  });
});

/**
 * Where the cache says a result is stored, the page store takes a file made
 * from it for the same: a result kept again under the same key, however soon
 * after (the next day's citations, kept by a build and by `astro dev` at
 * once), must be stored elsewhere.
 */
describe('openDocumentCache', () => {
  const glossary: DocumentGlossary = {
    known: [],
    entryIds: [],
    typeLabels: [],
    base: '/',
    sourcesPath: 'sources',
    sourceNames: [],
    sourcesDir: 'sources',
    glossaryDir: 'glossary',
    citation: { siteUrl: 'https://example.org', siteName: 'A corpus', accessed: '2026-12-01' },
  };
  const task: DocumentTask = { file: { path: 'corpus/a.mdx', text: 'A page.' }, claims: new Map() };
  const reads: DocumentReads = { sources: [], known: [], typeLabels: [], whole: [] };
  const document = { slug: 'a' } as CorpusDocument;
  const page = (accessed: string): DocumentPage => ({
    html: '<p>A page.</p>',
    references: { apa: { article: 'A', edition: 'E' }, chicago: { article: 'A', edition: 'E' } },
    accessed,
  });

  it('stores a result kept again under the same key elsewhere, however soon, so that the page store makes its file again', () => {
    const root = temporaryFolder('document-cache-');
    for (let round = 0; round < 50; round++) {
      const cache = openDocumentCache(glossary, { dir: join(root, 'cache'), version: 'v' });
      const store = join(root, `store-${round}`);
      const first = cache.keep(task, { document, problems: [], page: page('2026-12-01'), reads });
      const before = openPageStore(store);
      before.writeDocument('a', page('2026-12-01'), first?.stored);
      before.finish();
      const second = cache.keep(task, { document, problems: [], page: page('2026-12-02'), reads });
      expect(second?.stored).not.toBe(first?.stored);
      const after = openPageStore(store);
      after.writeDocument('a', page('2026-12-02'), second?.stored);
      after.finish();
      expect(readDocumentPage(store, 'a')?.accessed).toBe('2026-12-02');
      // Reused, it is said to be stored where it was last kept, with the digest of its document.
      expect(cache.reuse(task)?.kept).toEqual(second);
    }
  });

  it('checks a page again whose kept document cannot be read back, rather than stopping', () => {
    const root = temporaryFolder('document-cache-');
    const dir = join(root, 'cache');
    const cache = openDocumentCache(glossary, { dir, version: 'v' });
    cache.keep(task, { document, problems: [], page: page('2026-12-01'), reads });
    const [name = ''] = readdirSync(dir).filter((file) => file.endsWith('.bin'));
    const entry = deserialize(readFileSync(join(dir, name))) as { document: Uint8Array };
    writeFileSync(join(dir, name), serialize({ ...entry, document: Buffer.from('not what node:v8 writes') }));
    expect(openDocumentCache(glossary, { dir, version: 'v' }).reuse(task)).toBeUndefined();
  });
});
