// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import { corpus } from './src/integrations/corpus.ts';
import remarkDebris from './src/markdown/remark-debris.ts';
import remarkMentions from './src/markdown/remark-mentions.ts';
import remarkParagraphAnchors from './src/markdown/remark-paragraph-anchors.ts';
import { contentDirs } from './src/integrations/load-corpus.ts';
import { siteUrl } from './src/site.ts';

const corpusDir = resolve(contentDirs.corpus);

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark plugins; smartypants would alter the source's punctuation.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, [remarkParagraphAnchors, { corpusDir }], [remarkDebris, { corpusDir }], [remarkMentions, { corpusDir }]],
      remarkRehype: { clobberPrefix: '', footnoteLabel: 'Editorial notes', footnoteLabelTagName: 'h2' },
    }),
  },
  integrations: [corpus(), mdx()],
  // Scripts stay external files so that the Content Security Policy needs no 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
});
