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
    const text = /<span class="para-text">([\s\S]*?)<\/span><\/p>/u.exec(html.split('id="p2"')[1] ?? '')?.[1];
    expect(text).toBe(
      'A source with &lt;script&gt;alert(&quot;source&quot;)&lt;/script&gt; and {alert(1)} and &lt;img src=x onerror=alert(2)&gt; and &amp;amp; and *stars* and [a link](javascript:alert(3)).',
    );
    expect(html).not.toMatch(/<script>alert|<img src=x|href="javascript:/u);
    expect(html).toContain('Markup &lt;b&gt;in&lt;/b&gt; a headline');
  });

  it('is published byte for byte as the verbatim source file', () => {
    expect(readFileSync(join(outDir, 'sources/markup.txt'))).toEqual(readFileSync('tests/fixtures/markup-source/sources/markup.txt'));
  });
});
