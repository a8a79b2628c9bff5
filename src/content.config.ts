import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { documentSchema, entrySchema } from './lib/schema.ts';
import { contentDirs } from './integrations/load-corpus.ts';

export const collections = {
  corpus: defineCollection({ loader: glob({ pattern: '*.mdx', base: resolve(contentDirs.corpus) }), schema: documentSchema }),
  glossary: defineCollection({ loader: glob({ pattern: '*.md', base: resolve(contentDirs.glossary) }), schema: entrySchema }),
};
