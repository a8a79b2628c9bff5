import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MarkdownRenderer, parseFrontmatter } from '@astrojs/markdown-remark';
import type { GlossaryEntry } from '../corpus/model.ts';

/**
 * Each glossary entry's description, its Markdown body rendered with the
 * site's Markdown processor, by id: what Astro's content layer would render of
 * the entry as a collection (astro/dist/vite-plugin-markdown/content-entry-type.js),
 * the body Astro's front-matter parser leaves, trimmed, given its front matter
 * and file. The corpus check has read and checked every entry already; a
 * content collection read them again, with a Vite server of its own to load
 * its configuration, about a second of every build at 1,000 generated documents.
 */
export async function renderEntryBodies(root: string, entries: readonly GlossaryEntry[], renderer: MarkdownRenderer): Promise<Record<string, string>> {
  const bodies = await Promise.all(
    entries.map(async ({ id, file, meta }) => {
      const path = resolve(root, file);
      try {
        const { content } = parseFrontmatter(await readFile(path, 'utf8'), { frontmatter: 'empty-with-spaces' });
        const { code } = await renderer.render(content.trim(), { frontmatter: meta, fileURL: pathToFileURL(path) });
        return [id, code] as const;
      } catch (error) {
        // The check has read this file: what fails here is Astro's reading of it, which a stack trace would not name.
        throw new Error(`${file}: Astro's Markdown processor could not render the description: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(bodies);
}
