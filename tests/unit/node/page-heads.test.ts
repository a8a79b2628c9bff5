import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPageHeads } from '../../../src/node/page-heads.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

const folder = () => temporaryFolder('page-heads-');

const page = (policy: string, robots = '') =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}">${robots ? `<meta name="robots" content="${robots}">` : ''}</head><body>x</body></html>`;

/** One build's reading of every page's head, in path order. */
async function build(cacheDir: string, outDir: string, files: string[]) {
  const heads = await openPageHeads(cacheDir, outDir);
  const read = [];
  for (const file of files) read.push(await heads.read(join(outDir, file)));
  return { heads: read, ...(await heads.finish()) };
}

describe('the heads of the built pages', () => {
  it('reads a page again only where its size or modification time changed since the last build recorded it', async () => {
    const cacheDir = folder();
    const outDir = folder();
    const files = ['index.html', 'a/index.html'];
    mkdirSync(join(outDir, 'a'));
    writeFileSync(join(outDir, 'index.html'), page("default-src 'self'"));
    writeFileSync(join(outDir, 'a', 'index.html'), page("default-src 'self'"));
    // A time a file system keeps exactly, so that it can be given back below.
    const then = new Date(2000, 0, 1);
    utimesSync(join(outDir, 'index.html'), then, then);
    expect(await build(cacheDir, outDir, files)).toEqual({
      heads: [
        { policy: "default-src 'self'", noindex: false },
        { policy: "default-src 'self'", noindex: false },
      ],
      read: 2,
    });

    // Rewritten by this build: read again.
    writeFileSync(join(outDir, 'a', 'index.html'), page("default-src 'self'", 'noindex'));
    const second = await build(cacheDir, outDir, files);
    expect(second.read).toBe(1);
    expect(second.heads[1]).toEqual({ policy: "default-src 'self'", noindex: true });

    // Left as the last build found it, as far as its size and time tell: what that build read.
    writeFileSync(join(outDir, 'index.html'), page("default-src 'none'"));
    utimesSync(join(outDir, 'index.html'), then, then);
    expect(await build(cacheDir, outDir, files)).toMatchObject({ heads: [{ policy: "default-src 'self'" }, { noindex: true }], read: 0 });
  });

  it('reads every page where the last build recorded another output folder, or nothing it can read', async () => {
    const cacheDir = folder();
    const [one, two] = [folder(), folder()];
    for (const outDir of [one, two]) writeFileSync(join(outDir, 'index.html'), page("default-src 'self'"));
    await build(cacheDir, one, ['index.html']);
    expect((await build(cacheDir, two, ['index.html'])).read).toBe(1);
    writeFileSync(join(cacheDir, 'corpus-page-heads.json'), '{"outDir":');
    expect((await build(cacheDir, two, ['index.html'])).read).toBe(1);
    expect((await build(cacheDir, two, ['index.html'])).read).toBe(0);
  });
});
