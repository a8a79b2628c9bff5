import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { contentDirs } from './config.ts';
import { entrySchema } from './corpus/schema.ts';

/**
 * Glossary entries are Markdown that Astro renders on their pages. Corpus
 * pages are not a collection: the corpus check parses, checks and renders
 * each once (src/integration/corpus.ts).
 */
export const collections = {
  glossary: defineCollection({ loader: glob({ pattern: '*.md', base: resolve(contentDirs.glossary) }), schema: entrySchema }),
};
