import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { frontMatterLoader } from './integrations/front-matter-loader.ts';
import { contentDirs } from './node/load-corpus.ts';
import { documentSchema, entrySchema } from './corpus/schema.ts';

export const collections = {
  corpus: defineCollection({ loader: frontMatterLoader(contentDirs.corpus), schema: documentSchema }),
  glossary: defineCollection({ loader: glob({ pattern: '*.md', base: resolve(contentDirs.glossary) }), schema: entrySchema }),
};
