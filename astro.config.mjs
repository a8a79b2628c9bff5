// @ts-check

import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { basePath, siteUrl } from './src/config.ts';
import { corpus } from './src/integration/corpus.ts';
import { publishing } from './src/integration/publishing.ts';
import { footnoteOptions } from './src/markdown/pipeline.ts';
import rehypeBaseLinks from './src/markdown/rehype-base-links.ts';

const published = publishing();

export default defineConfig({
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  // Pages are rendered sixteen at a time: one page at a time, Astro's thread waited on writing each page (twice, with the
  // incremental build's copy) for half the rendering stage. At 1,000 generated documents rendering took 9.8-12.4 s
  // against 17.2-27.1 s one at a time, with the same peak memory and the same output (see the README's benchmark).
  build: { format: 'directory', concurrency: 16 },
  markdown: {
    // For glossary entries and the site's own MDX pages; corpus pages have their own pipeline (src/markdown/pipeline.ts).
    // Astro 7's default processor ignores remark plugins; smartypants would alter quoted punctuation.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBaseLinks, { base: basePath }]],
      remarkRehype: footnoteOptions,
    }),
    // The corpus has no code; Shiki's inline styles would need 'unsafe-inline' under the CSP.
    syntaxHighlight: false,
  },
  // After the build, `publishing` writes _headers from the pages' policy and tells the sitemap which pages ask not to be indexed;
  // it must come before the sitemap, whose hooks run after its own. The sitemap's URLs carry the base path of SITE_URL.
  integrations: [
    corpus(),
    mdx(),
    published.integration,
    sitemap({ filter: published.inSitemap, namespaces: { news: false, xhtml: false, image: false, video: false } }),
  ],
  // Every page gets this policy as a <meta> tag; Astro adds hashes for what it bundles. Pagefind needs WebAssembly.
  // _headers sends the same policy with frame-ancestors, which a <meta> tag cannot carry (src/site/security-headers.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // A rebuild copies from the previous build each page whose code and data are unchanged (src/data/corpus.ts `cacheKeys`).
  experimental: { incrementalBuild: true },
  // Scripts stay external files so that the Content Security Policy needs no 'unsafe-inline'.
  vite: {
    // The citation library (about 750 kB, 175 kB gzipped) is one chunk, loaded only when a reader asks for a citation.
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 800 },
    resolve: { alias: { 'node-fetch': fileURLToPath(new URL('./src/client/fetch-shim.ts', import.meta.url)) } },
  },
});
