import { describe, expect, it } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../../src/corpus/frontmatter.ts';
import { documentSchema } from '../../../src/corpus/schema.ts';

const valid = `---
title: A title
publisher: An outlet
published: 2023-06-20
language: en
source: a.txt
sha256: ${'a'.repeat(64)}
---

Body`;

describe('splitFrontmatter', () => {
  it('separates the YAML from the body and counts the lines before the body', () => {
    expect(splitFrontmatter('---\na: 1\n---\nBody')).toEqual({ yaml: 'a: 1', body: 'Body', bodyLineOffset: 3 });
  });
});

describe('parseFrontmatter', () => {
  it('returns the validated data with defaults', () => {
    const result = parseFrontmatter(valid, 'x.mdx', documentSchema);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({ title: 'A title', authors: [], published: '2023-06-20' }),
      lineOf: expect.any(Function),
    });
  });

  it('locates an invalid field on its own line of the file', () => {
    const result = parseFrontmatter(valid.replace('2023-06-20', '20 June 2023'), 'x.mdx', documentSchema);
    expect(result).toEqual({ ok: false, problems: [{ file: 'x.mdx', line: 4, message: 'front matter `published`: Invalid ISO date' }] });
  });

  it('reports a missing required field and an unknown field', () => {
    const result = parseFrontmatter(valid.replace('publisher: An outlet\n', '').replace('language: en', 'language: en\noutlet: X'), 'x.mdx', documentSchema);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.message)).toEqual([
      'front matter `publisher`: is required',
      'front matter: unknown field `outlet`',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseFrontmatter('---\ntitle: A\npublisher: [unclosed\n---\n', 'x.mdx', documentSchema);
    expect(!result.ok && result.problems[0]?.line).toBe(3);
  });

  it('refuses a file without front matter', () => {
    expect(parseFrontmatter('Body only', 'x.mdx', documentSchema)).toEqual({
      ok: false,
      problems: [{ file: 'x.mdx', line: 1, message: 'missing front matter: the file must start with a `---` fenced YAML block' }],
    });
  });
});
