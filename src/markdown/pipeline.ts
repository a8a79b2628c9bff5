import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import rehypeSidenotes from './rehype-sidenotes.ts';
import remarkDebris from './remark-debris.ts';
import remarkMentions from './remark-mentions.ts';
import remarkParagraphAnchors from './remark-paragraph-anchors.ts';

/**
 * The annotation pipeline of corpus pages, in order. The anchors plugin must
 * run first: it numbers blocks while `<Debris>` is still recognisable.
 */
export function annotationPipeline(corpusDir: string, typeLabels?: ReadonlyMap<string, string>) {
  return {
    remarkPlugins: [remarkGfm, [remarkParagraphAnchors, { corpusDir, typeLabels }], [remarkDebris, { corpusDir }], [remarkMentions, { corpusDir }]] as RemarkPlugins,
    rehypePlugins: [[rehypeSidenotes, { corpusDir }]] as RehypePlugins,
    remarkRehype: {
      clobberPrefix: '',
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['footnotes-heading'] },
    } satisfies RemarkRehypeOptions,
  };
}
