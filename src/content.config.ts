import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { documentSchema, entrySchema } from './lib/schema.ts';
import { contentDirs } from './integrations/load-corpus.ts';

export const collections = {
  corpus: defineCollection({ loader: glob({ pattern: '*.mdx', base: `./${contentDirs.corpus}` }), schema: documentSchema }),
  glossary: defineCollection({ loader: glob({ pattern: '*.md', base: `./${contentDirs.glossary}` }), schema: entrySchema }),
};
