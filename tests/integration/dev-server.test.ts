import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPath, entryPath } from '../../src/routes.ts';
import { astroCacheDir } from './astro-build.ts';

/**
 * Live editing: `npm run dev` checks the corpus again when a content file
 * changes, shows the problems an edit makes in the terminal and on every page,
 * and serves the edited content, with no restart. Runs the real `astro dev` on
 * a copy of the fixture corpus. The waits only stop a hang: nothing here
 * asserts on time.
 */

/** A port no one listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Retries `probe` until it returns a value, for at most `limitMs`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 300_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; the server printed:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Replaces `from` with `to` in a file, which must contain it. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no ${from}: the fixture changed`);
  writeFileSync(path, text.replace(from, to));
}

/** What the dev server printed: the terminal an editor reads. */
let output = '';

describe('npm run dev', () => {
  const root = mkdtempSync(join(tmpdir(), 'dev-server-'));
  const content = join(root, 'content');
  let server: ChildProcess;
  let origin = '';

  const page = async (path: string, wanted: string) =>
    until(`${path} to contain ${JSON.stringify(wanted)}`, async () => {
      const html = await (await fetch(new URL(path, origin))).text();
      return html.includes(wanted) ? html : undefined;
    });
  /** Waits for `wanted` in what the server printed after the first `since` characters. */
  const printed = (wanted: string, since = 0) =>
    until(`the terminal to print ${JSON.stringify(wanted)}`, async () => (output.slice(since).includes(wanted) ? output : undefined));

  beforeAll(async () => {
    await cp('tests/fixtures/site', content, { recursive: true });
    const port = await freePort();
    origin = `http://localhost:${port}`;
    server = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--config', 'tests/integration/isolated-cache.config.mjs'],
      {
        env: {
          // Not Vitest's own variables (NODE_ENV=test, VITEST…): under them Vite runs as a test runner's server and does not watch files.
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'))),
          CORPUS_CONTENT: content,
          CORPUS_TEST_CACHE_DIR: astroCacheDir(content),
          SITE_URL: `${origin}/`,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      },
    );
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await page('/', '</html>');
  }, 600_000);

  afterAll(async () => {
    server?.kill();
    await rm(root, { recursive: true, force: true });
  });

  it('serves an entry edited while it runs', async () => {
    edit(join(content, 'glossary/harbour-bridge.md'), '  - Old Bridge\n', '  - Old Bridge\n  - Harbour Crossing\n');
    expect(await page(entryPath('harbour-bridge'), 'Harbour Crossing')).toContain('Harbour Crossing');
  });

  it("serves an entry's description edited while it runs, and its undoing", async () => {
    const file = join(content, 'glossary/harbour-bridge.md');
    const said = 'closed for eleven months after engineers found cracks';
    const changed = 'closed for eleven months after inspectors found cracks';
    edit(file, said, changed);
    expect(await page(entryPath('harbour-bridge'), changed)).toContain(changed);
    edit(file, changed, said);
    expect(await page(entryPath('harbour-bridge'), said)).not.toContain(changed);
  });

  it("serves the pages that show an entry with its name edited while it runs, the documents' among them", async () => {
    edit(join(content, 'glossary/klea-marku.md'), 'name: Klea Marku\n', 'name: Klea Marku-Edited\n');
    expect(await page(documentPath('harbour-bridge-reopens'), 'Klea Marku-Edited')).toContain('Klea Marku-Edited');
  });

  it('shows the problem an edit makes in the terminal and on the page, until it is undone', async () => {
    const file = join(content, 'corpus/harbour-bridge-reopens.mdx');
    const note = '[^tuesday]: Tuesday 12 March 2024, the date of this report.';
    const changed = '[^tuesday]: Tuesday, 12 March 2024.';
    const before = output.length;
    edit(file, note, changed);
    const html = await page(documentPath('harbour-bridge-reopens'), 'id="content-problems-heading"');
    expect(html).toMatch(/The corpus has 1 problem/u);
    expect(html).toContain('harbour-bridge-reopens.mdx');
    await printed('differs from its published wording', before);
    expect(output.slice(before)).toContain('harbour-bridge-reopens.mdx:');

    const undone = output.length;
    edit(file, changed, note);
    await until('the problem to go', async () => {
      const text = await (await fetch(new URL(documentPath('harbour-bridge-reopens'), origin))).text();
      return text.includes('id="content-problems-heading"') ? undefined : text;
    });
    await printed('the corpus has no problems', undone);
  });
});
