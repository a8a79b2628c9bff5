import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MarkdownRenderer, parseFrontmatter } from '@astrojs/markdown-remark';
import type { GlossaryEntry } from '../corpus/model.ts';
import { sha256 } from '../text/hash.ts';

/** An entry's description rendered, with a digest of what it was rendered from: the renderer's version, the file and its text. */
export interface RenderedBody {
  madeFrom: string;
  html: string;
}

/** The site's Markdown renderer, with a version that changes with whatever decides what it renders (its code, its settings). */
export interface VersionedRenderer {
  renderer: MarkdownRenderer;
  version: string;
}

/**
 * Each glossary entry's description, its Markdown body rendered with the
 * site's Markdown processor, by id: what Astro's content layer would render of
 * the entry as a collection (astro/dist/vite-plugin-markdown/content-entry-type.js),
 * the body Astro's front-matter parser leaves, trimmed, given its front matter
 * and file. The corpus check has read and checked every entry already; a
 * content collection read them again, with a Vite server of its own to load
 * its configuration, about a second of every build at 1,000 generated documents.
 * A description the `last` check rendered from the same is taken from it:
 * rendering 500 took 0.4 s of every build.
 */
export async function renderEntryBodies(
  root: string,
  entries: readonly GlossaryEntry[],
  { renderer, version }: VersionedRenderer,
  last: Readonly<Record<string, RenderedBody>> = {},
): Promise<Record<string, RenderedBody>> {
  const bodies = await Promise.all(
    entries.map(async ({ id, file, meta }) => {
      const path = resolve(root, file);
      try {
        const text = await readFile(path, 'utf8');
        const madeFrom = sha256(JSON.stringify([version, path, text]));
        // An own property only: an entry may be called "constructor".
        const kept = Object.hasOwn(last, id) ? last[id] : undefined;
        if (kept?.madeFrom === madeFrom && typeof kept.html === 'string') return [id, kept] as const;
        const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
        const { code } = await renderer.render(content.trim(), { frontmatter: meta, fileURL: pathToFileURL(path) });
        return [id, { madeFrom, html: code }] as const;
      } catch (error) {
        // The check has read this file: what fails here is Astro's reading of it, which a stack trace would not name.
        throw new Error(`${file}: Astro's Markdown processor could not render the description: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(bodies);
}
