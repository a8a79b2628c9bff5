import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { select } from 'hast-util-select';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult } from './astro-build.ts';

/**
 * A source full of markup goes through the real build (fidelity check
 * included) and must come out as text: nothing in a source may become
 * markup or script on the page.
 */
const contentDir = 'tests/fixtures/markup-source';
let build: BuildResult = { code: null, output: '', outDir: '' };

beforeAll(async () => {
  build = await astroBuild(contentDir);
});
afterAll(async () => {
  if (build.outDir) await rm(build.outDir, { recursive: true, force: true });
});

describe('markup-like text in a source', () => {
  it('builds, passing the fidelity check', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('is published as text, escaped, and runs nothing', async () => {
    const html = await readFile(join(build.outDir, 'documents/markup/index.html'), 'utf8');
    const page = fromHtml(html);
    const text = (selector: string) => {
      const element = select(selector, page);
      return element ? toText(element) : undefined;
    };
    expect(text('#p2 .para-text')).toBe(
      'A source with <script>alert("source")</script> and {alert(1)} and <img src=x onerror=alert(2)> and &amp; and *stars* and [a link](javascript:alert(3)).',
    );
    expect(text('#p1 .para-text')).toBe('Markup <b>in</b> a headline');
    expect(select('.source-text script, .source-text img, .source-text b, .source-text [href^="javascript:"]', page)).toBeUndefined();
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>in<\/b>/u);
  });

  it('is published byte for byte as the verbatim source file', async () => {
    expect(await readFile(join(build.outDir, 'sources/markup.txt'))).toEqual(await readFile(join(contentDir, 'sources/markup.txt')));
  });
});
