import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeClaimMarkers from './rehype-claim-markers.ts';
import rehypeSearchIgnore from './rehype-search-ignore.ts';
import rehypeSidenotes from './rehype-sidenotes.ts';
import remarkDebris from './remark-debris.ts';
import remarkMentions from './remark-mentions.ts';
import remarkParagraphAnchors from './remark-paragraph-anchors.ts';

/** Notes are "Notes", with ids of their own (`fn-x`), in corpus pages and glossary entries alike. */
export const footnoteOptions = {
  clobberPrefix: '',
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['footnotes-heading'] },
} satisfies RemarkRehypeOptions;

export interface PipelineOptions {
  /** The base path the site is served from (src/config.ts). */
  base: string;
  /** Each entry's type label, for the search titles of paragraphs. */
  typeLabels?: ReadonlyMap<string, string>;
}

/**
 * The annotation pipeline of corpus pages, in order. The anchors plugin must
 * run first: it numbers blocks while `<Debris>` is still recognisable.
 */
export function annotationPipeline({ base, typeLabels }: PipelineOptions) {
  return {
    remarkPlugins: [remarkGfm, [remarkParagraphAnchors, { typeLabels }], remarkDebris, remarkMentions] as RemarkPlugins,
    rehypePlugins: [rehypeSidenotes, rehypeClaimMarkers, rehypeSearchIgnore, [rehypeBaseLinks, { base }]] as RehypePlugins,
    remarkRehype: footnoteOptions,
  };
}
