import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { PageData } from './page-data.ts';
import { annotationPipeline, type PipelineOptions } from './pipeline.ts';

/**
 * Renders a corpus page to HTML with the site's annotation pipeline. Corpus
 * pages run no code (the corpus check refuses it) and their two components
 * become plain elements in the remark stage, so the page is HTML once
 * rendered: rendering it here, once, spares the build a compiled module per
 * document, which is what keeps large corpora fast and lean (see the README's
 * benchmark).
 */
export interface CorpusPageRenderer {
  /** Renders a page from its text. */
  (text: string, page?: PageData): string;
  /** Renders a page already parsed (by the corpus check), changing the tree. */
  tree: (tree: Root, page?: PageData) => string;
}

export function corpusPageRenderer(options: PipelineOptions): CorpusPageRenderer {
  const pipeline = annotationPipeline(options);
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter, ['yaml'])
    .use(pipeline.remarkPlugins as never)
    .use(remarkRehype, pipeline.remarkRehype)
    .use(pipeline.rehypePlugins as never)
    .use(rehypeStringify);
  const file = (page: PageData = {}) => new VFile({ data: { page } });
  const render = (text: string, page?: PageData) => String(processor.processSync(Object.assign(file(page), { value: text })));
  render.tree = (tree: Root, page?: PageData) => processor.stringify(processor.runSync(tree, file(page)) as never);
  return render;
}
