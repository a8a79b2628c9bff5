import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../src/corpus/model.ts';
import { type RenderedBody, renderEntryBodies } from '../../../src/node/entry-bodies.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

/** A renderer that records what it is given and renders a body as its own text, marked. */
function recordingRenderer(version = 'v1'): {
  renderer: { renderer: MarkdownRenderer; version: string };
  calls: { body: string; options?: MarkdownRenderOptions }[];
} {
  const calls: { body: string; options?: MarkdownRenderOptions }[] = [];
  const renderer: MarkdownRenderer = {
    render: async (body, options) => {
      calls.push({ body, ...(options ? { options } : {}) });
      return { code: `<p>${body}</p>`, metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {} } };
    },
  };
  return { renderer: { renderer, version }, calls };
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
    expect(Object.fromEntries(Object.entries(bodies).map(([id, body]) => [id, body.html]))).toEqual({
      a: '<p>A is described here.[^1]\n\n[^1]: A source.</p>',
      b: '<p>B.</p>',
    });
    // The files are read concurrently, so the renderer may be called for either first.
    const callForA = calls.find((call) => call.body.startsWith('A is'));
    expect(callForA?.options).toEqual({ frontmatter: entries[0]?.meta, fileURL: pathToFileURL(join(root, 'glossary', 'a.md')) });
  });

  it('gives an entry of any name its own description', async () => {
    const root = temporaryFolder('entry-bodies-');
    writeFileSync(join(root, '__proto__.md'), '---\nname: P\n---\nP.');
    const { renderer } = recordingRenderer();
    const bodies = await renderEntryBodies(root, [entry('__proto__', '__proto__.md')], renderer);
    expect(Object.hasOwn(bodies, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(bodies, '__proto__')?.value).toEqual({ madeFrom: expect.any(String), html: '<p>P.</p>' });
  });

  it("takes a description from the last check's where it was rendered from the same file, text and renderer, and renders the others", async () => {
    const root = temporaryFolder('entry-bodies-');
    const write = (id: string, text: string) => writeFileSync(join(root, `${id}.md`), `---\nname: ${id}\n---\n${text}`);
    for (const id of ['same', 'edited', 'constructor']) write(id, `${id}.`);
    const entries = ['same', 'edited', 'constructor'].map((id) => entry(id, `${id}.md`));
    const first = await renderEntryBodies(root, entries, recordingRenderer().renderer);
    write('edited', 'edited again.');
    const again = recordingRenderer();
    const second = await renderEntryBodies(root, entries, again.renderer, first);
    expect(again.calls.map((call) => call.body)).toEqual(['edited again.']);
    expect(second.same).toBe(first.same);
    expect(second.edited?.html).toBe('<p>edited again.</p>');
    // Another renderer (its code or settings changed) renders every one again; a last check's entry of another id is not taken.
    const other = recordingRenderer('v2');
    await renderEntryBodies(root, entries, other.renderer, second);
    expect(other.calls).toHaveLength(3);
    const swapped = recordingRenderer();
    await renderEntryBodies(root, entries, swapped.renderer, { same: second.edited as RenderedBody, edited: second.same as RenderedBody });
    expect(swapped.calls.map((call) => call.body).sort()).toEqual(['constructor.', 'edited again.', 'same.']);
  });

  it('names the file whose description Astro cannot render', async () => {
    const root = temporaryFolder('entry-bodies-');
    mkdirSync(join(root, 'glossary'));
    writeFileSync(join(root, 'glossary', 'bad.md'), '---\nname: B\n---\nB.');
    const renderer = { renderer: { render: () => Promise.reject(new Error('a plugin failed')) }, version: 'v1' };
    await expect(renderEntryBodies(root, [entry('bad', 'glossary/bad.md')], renderer)).rejects.toThrow(
      "glossary/bad.md: Astro's Markdown processor could not render the description: a plugin failed",
    );
  });
});
