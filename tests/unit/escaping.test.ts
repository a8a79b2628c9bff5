import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { select } from 'hast-util-select';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A source full of markup goes through the real build (fidelity check
 * included) and must come out as text: nothing in a source may become
 * markup or script on the page.
 */
const outDir = mkdtempSync(join(tmpdir(), 'corpus-markup-'));
const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
  env: { ...process.env, CORPUS_CONTENT: 'tests/fixtures/markup-source', ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('markup-like text in a source', () => {
  it('builds, passing the fidelity check', () => {
    expect(build.status, build.stderr + build.stdout).toBe(0);
  });

  it('is published as text, escaped, and runs nothing', () => {
    const html = readFileSync(join(outDir, 'documents/markup/index.html'), 'utf8');
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

  it('is published byte for byte as the verbatim source file', () => {
    expect(readFileSync(join(outDir, 'sources/markup.txt'))).toEqual(readFileSync('tests/fixtures/markup-source/sources/markup.txt'));
  });
});
