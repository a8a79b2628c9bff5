import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimReference } from '../../../src/corpus/model.ts';
import { corpusPageRenderer } from '../../../src/markdown/render-page.ts';

/**
 * The annotation plugins of src/markdown/, as remark-gfm tests its own: each
 * folder of tests/fixtures/markdown/, named `<plugin>-<case>`, holds an
 * input.mdx and the output.html the site's pipeline renders from it (the
 * renderer the build uses), and may hold an options.json of the pipeline's
 * options and the page's data (`{ "base": "/corpus/", "typeLabels": { "mek":
 * "Organisations" }, "claims": { "2": [{ "id": "x", "statement": "…" }] } }`).
 * `UPDATE=1 npm run test:unit` rewrites every output.html from the current
 * code: read the difference before committing it.
 */
const fixturesDir = 'tests/fixtures/markdown';
const fixtures = readdirSync(fixturesDir).sort();
const update = Boolean(process.env.UPDATE);

interface FixtureOptions {
  base?: string;
  typeLabels?: Record<string, string>;
  /** ¶ number → the claims the paragraph reports. */
  claims?: Record<string, ClaimReference[]>;
}

function render(dir: string): string {
  const optionsFile = join(dir, 'options.json');
  const options: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const renderPage = corpusPageRenderer({
    base: options.base ?? '/',
    ...(options.typeLabels ? { typeLabels: new Map(Object.entries(options.typeLabels)) } : {}),
  });
  const page = options.claims ? { claims: new Map(Object.entries(options.claims).map(([number, claims]) => [Number(number), claims])) } : {};
  return `${renderPage(readFileSync(join(dir, 'input.mdx'), 'utf8'), page)}\n`;
}

describe('annotation plugins: input.mdx renders to output.html', () => {
  it.each(fixtures)('%s', (name) => {
    const dir = join(fixturesDir, name);
    const html = render(dir);
    if (update) writeFileSync(join(dir, 'output.html'), html);
    expect(html).toBe(readFileSync(join(dir, 'output.html'), 'utf8'));
  });

  it('has fixtures for every plugin of src/markdown/', () => {
    const plugins = readdirSync('src/markdown')
      .filter((file) => /^(remark|rehype)-.*\.ts$/u.test(file))
      .map((file) => file.replace(/\.ts$/u, ''));
    expect(plugins.filter((plugin) => !fixtures.some((name) => name.startsWith(`${plugin}-`)))).toEqual([]);
  });
});
