import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { documentPageDigest, mentionPageDigest, mentionStoreDigest } from '../../../src/node/page-store.ts';
import { assetNamesDigest, finishRender, forgetUnfinishedRender, startRender } from '../../../src/node/render-cache.ts';

/** What Astro's incremental build is given besides each page's props (src/data/corpus.ts `cacheKeys`). */

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-cache-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("Astro's manifest of rendered pages", () => {
  const manifest = (cacheDir: string) => join(cacheDir, 'incremental-build.json');

  it('is kept after a build that finished, and forgotten when asked to clean', () => {
    const dir = folder();
    const cacheDir = pathToFileURL(`${dir}/`);
    writeFileSync(manifest(dir), '{}');
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(false);
    startRender(cacheDir);
    finishRender(cacheDir);
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(false);
    expect(existsSync(manifest(dir))).toBe(true);
    expect(forgetUnfinishedRender(cacheDir, true)).toBe(true);
    expect(existsSync(manifest(dir))).toBe(false);
  });

  it('is forgotten after a build that started rendering and did not finish', () => {
    const dir = folder();
    const cacheDir = pathToFileURL(`${dir}/`);
    writeFileSync(manifest(dir), '{}');
    startRender(cacheDir);
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(true);
    expect(existsSync(manifest(dir))).toBe(false);
  });
});

describe('the digests a page key is made of', () => {
  it("change with the names of the build's scripts and styles, not with their order on disk", () => {
    const dir = folder();
    expect(assetNamesDigest(join(dir, '_astro'))).toBe('none');
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, '_astro', 'Page.Ab12.css'), 'a');
    writeFileSync(join(dir, '_astro', 'MentionCards.Cd34.js'), 'b');
    const before = assetNamesDigest(join(dir, '_astro'));
    rmSync(join(dir, '_astro', 'MentionCards.Cd34.js'));
    writeFileSync(join(dir, '_astro', 'MentionCards.Ef56.js'), 'b');
    expect(assetNamesDigest(join(dir, '_astro'))).not.toBe(before);
  });

  it("change with the bytes of the stored page a page reads, and of any entry's mentions", () => {
    const store = folder();
    mkdirSync(join(store, 'documents'));
    expect(documentPageDigest(store, 'a')).toBe('none');
    expect(mentionStoreDigest(store)).toBe('none');
    writeFileSync(join(store, 'documents', 'a.json'), '{"html":"<p>One</p>"}');
    const page = documentPageDigest(store, 'a');
    writeFileSync(join(store, 'documents', 'a.json'), '{"html":"<p>Two</p>"}');
    expect(documentPageDigest(store, 'a')).not.toBe(page);

    mkdirSync(join(store, 'mentions', 'entry-1'), { recursive: true });
    mkdirSync(join(store, 'mentions', 'entry-2'), { recursive: true });
    writeFileSync(join(store, 'mentions', 'entry-1', '1.json'), '[]');
    writeFileSync(join(store, 'mentions', 'entry-2', '1.json'), '[]');
    const all = mentionStoreDigest(store);
    const first = mentionPageDigest(store, 'entry-1', 1);
    writeFileSync(join(store, 'mentions', 'entry-2', '1.json'), '[{"document":"a"}]');
    expect(mentionPageDigest(store, 'entry-1', 1)).toBe(first);
    const changed = mentionStoreDigest(store);
    expect(changed).not.toBe(all);
    // The same bytes under another entry's name are other mentions.
    rmSync(join(store, 'mentions', 'entry-2'), { recursive: true });
    mkdirSync(join(store, 'mentions', 'entry-3'));
    writeFileSync(join(store, 'mentions', 'entry-3', '1.json'), '[{"document":"a"}]');
    expect(mentionStoreDigest(store)).not.toBe(changed);
  });
});
