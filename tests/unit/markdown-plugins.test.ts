import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { annotationPipeline } from '../../src/markdown/pipeline.ts';

/** The site's annotation pipeline, as astro.config.mjs uses it, rendered to HTML. */
function render(text: string, path: string, corpusDir: string): string {
  const pipeline = annotationPipeline(corpusDir);
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter, ['yaml'])
    .use(pipeline.remarkPlugins as never)
    .use(remarkRehype, pipeline.remarkRehype)
    .use(pipeline.rehypePlugins as never)
    .use(rehypeStringify);
  return String(processor.processSync(new VFile({ value: text, path })));
}

const fixtures = 'tests/fixtures/markdown';

describe('annotation plugins: input.mdx renders to expected.html', () => {
  for (const name of readdirSync(fixtures)) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.mdx'), 'utf8');
      const expected = readFileSync(join(fixtures, name, 'expected.html'), 'utf8');
      expect(render(input, '/corpus/page.mdx', '/corpus/')).toBe(expected.trimEnd());
    });
  }
});

describe('annotation plugins outside the corpus', () => {
  it('leave glossary pages as plain Markdown', () => {
    expect(render('A paragraph.', '/glossary/entry.md', '/corpus/')).toBe('<p>A paragraph.</p>');
  });
});
