import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../src/corpus/model.ts';
import { renderEntryBodies } from '../../../src/node/entry-bodies.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

/** A renderer that records what it is given and renders a body as its own text, marked. */
function recordingRenderer(): { renderer: MarkdownRenderer; calls: { body: string; options?: MarkdownRenderOptions }[] } {
  const calls: { body: string; options?: MarkdownRenderOptions }[] = [];
  const renderer: MarkdownRenderer = {
    render: async (body, options) => {
      calls.push({ body, ...(options ? { options } : {}) });
      return { code: `<p>${body}</p>`, metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {} } };
    },
  };
  return { renderer, calls };
}

function entry(id: string, file: string): GlossaryEntry {
  return { id, file, meta: { name: id, type: 'person', aliases: [], summary: `${id}.`, context: [] } as unknown as GlossaryEntry['meta'] };
}

describe('renderEntryBodies', () => {
  it("renders each entry's body as Astro's content layer gives it: without its front matter, trimmed, with its front matter and file", async () => {
    const root = temporaryFolder('entry-bodies-');
    mkdirSync(join(root, 'glossary'));
    writeFileSync(join(root, 'glossary', 'a.md'), '---\nname: A\n---\n\n  A is described here.[^1]\n\n[^1]: A source.\n\n');
    writeFileSync(join(root, 'glossary', 'b.md'), '---\nname: B\n---\nB.');
    const { renderer, calls } = recordingRenderer();
    const entries = [entry('a', 'glossary/a.md'), entry('b', 'glossary/b.md')];
    const bodies = await renderEntryBodies(root, entries, renderer);
    expect(bodies).toEqual({ a: '<p>A is described here.[^1]\n\n[^1]: A source.</p>', b: '<p>B.</p>' });
    expect(calls[0]?.options).toEqual({ frontmatter: entries[0]?.meta, fileURL: pathToFileURL(join(root, 'glossary', 'a.md')) });
  });

  it('gives an entry of any name its own description', async () => {
    const root = temporaryFolder('entry-bodies-');
    writeFileSync(join(root, '__proto__.md'), '---\nname: P\n---\nP.');
    const { renderer } = recordingRenderer();
    const bodies = await renderEntryBodies(root, [entry('__proto__', '__proto__.md')], renderer);
    expect(Object.hasOwn(bodies, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(bodies, '__proto__')?.value).toBe('<p>P.</p>');
  });

  it('names the file whose description Astro cannot render', async () => {
    const root = temporaryFolder('entry-bodies-');
    mkdirSync(join(root, 'glossary'));
    writeFileSync(join(root, 'glossary', 'bad.md'), '---\nname: B\n---\nB.');
    const renderer: MarkdownRenderer = { render: () => Promise.reject(new Error('a plugin failed')) };
    await expect(renderEntryBodies(root, [entry('bad', 'glossary/bad.md')], renderer)).rejects.toThrow(
      "glossary/bad.md: Astro's Markdown processor could not render the description: a plugin failed",
    );
  });
});
