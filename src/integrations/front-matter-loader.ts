import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../corpus/frontmatter.ts';

/**
 * A content-collection loader that reads only the front matter of corpus
 * pages, for Astro to validate against the collection's schema. Their text is
 * rendered by the corpus integration, so Astro needs no module per document.
 */
export function frontMatterLoader(dir: string): Loader {
  return {
    name: 'corpus-front-matter',
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = new URL(config.root).pathname;
      const base = resolve(root, dir);
      const names = (await readdir(base).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
      store.clear();
      for (const name of names) {
        const path = join(base, name);
        const text = await readFile(path, 'utf8');
        const id = name.slice(0, -'.mdx'.length);
        const data = await parseData({ id, data: (parse(splitFrontmatter(text).yaml ?? '') ?? {}) as Record<string, unknown>, filePath: path });
        store.set({ id, data, digest: generateDigest(text), filePath: relative(root, path) });
      }
    },
  };
}
