import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPageRenderer } from '../../src/markdown/render-page.ts';

/** The site's annotation pipeline, as the corpus integration renders pages with it. */
const render = corpusPageRenderer({ base: '/' });

const fixtures = 'tests/fixtures/markdown';

describe('annotation plugins: input.mdx renders to expected.html', () => {
  for (const name of readdirSync(fixtures)) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.mdx'), 'utf8');
      const expected = readFileSync(join(fixtures, name, 'expected.html'), 'utf8');
      expect(render(input)).toBe(expected.trimEnd());
    });
  }
});
