import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import type { FootnoteReference } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeClaimMarkers from './rehype-claim-markers.ts';
import rehypeSidenotes from './rehype-sidenotes.ts';
import remarkDebris from './remark-debris.ts';
import remarkMentions from './remark-mentions.ts';
import remarkParagraphAnchors from './remark-paragraph-anchors.ts';

/**
 * The mark that calls an editorial note (the `<sup>` around its link), kept
 * out of the search index, so that an excerpt reads as the text ("Bledi Cuci
 * told media…"), not "Bledi Cuci 5 told media…". The notes themselves are
 * indexed, or not, where they stand. Marked as remark-rehype makes it, rather
 * than found again by a walk of every page's whole tree.
 */
function footnoteReference(state: State, node: FootnoteReference): Element {
  const mark = defaultHandlers.footnoteReference(state, node);
  mark.properties.dataPagefindIgnore = '';
  return mark;
}

/**
 * Notes are "Notes", with ids of their own (`fn-x`), and their marks left out
 * of the search index, in corpus pages, glossary entries and claims' notes alike.
 */
export const footnoteOptions = {
  clobberPrefix: '',
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['footnotes-heading'] },
  handlers: { footnoteReference },
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
    rehypePlugins: [rehypeSidenotes, rehypeClaimMarkers, [rehypeBaseLinks, { base }]] as RehypePlugins,
    remarkRehype: footnoteOptions,
  };
}
