import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
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
  (text: string): string;
  /** Renders a page already parsed (by the corpus check), changing the tree. */
  tree: (tree: Root) => string;
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
  const render = (text: string) => String(processor.processSync(text));
  render.tree = (tree: Root) => processor.stringify(processor.runSync(tree) as never);
  return render;
}
