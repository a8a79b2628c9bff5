/**
 * Writes a `wikidata:` line into a glossary entry's front matter and touches
 * nothing else: an editor's diff shows one line. Re-serialising the YAML
 * would reflow long summaries, requote strings and lose the author's layout,
 * so the line is replaced or inserted as text, and the result is parsed
 * again to prove that `wikidata` is the only field that changed.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { splitFrontmatter } from '../corpus/frontmatter.ts';

export type WriteResult = { ok: true; text: string } | { ok: false; reason: string };

const topLevelKey = /^([A-Za-z_][\w-]*)[ \t]*:/u;

/** The entry's text with `wikidata: <item>`: the line replaced where there is one, else inserted before `wikipedia:` (or at the end of the front matter). */
export function withWikidata(text: string, item: string): WriteResult {
  const { yaml } = splitFrontmatter(text);
  if (yaml === null) return { ok: false, reason: 'the file has no front matter' };
  const lines = text.split(/(?<=\n)/u);
  const closing = lines.findIndex((line, index) => index > 0 && /^---[ \t]*(\r?\n)?$/u.test(line));
  if (closing === -1) return { ok: false, reason: 'the front matter has no closing --- line' };
  const newline = lines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  const keyAt = (index: number) => topLevelKey.exec(lines[index] ?? '')?.[1];
  const fieldLine = (key: string) => lines.findIndex((_, index) => index > 0 && index < closing && keyAt(index) === key);

  const existing = fieldLine('wikidata');
  const next = [...lines];
  if (existing !== -1) {
    // A value continued on the next lines would be left behind by a one-line replacement.
    if (existing + 1 < closing && /^[ \t]+[^\s#]/u.test(lines[existing + 1] ?? ''))
      return { ok: false, reason: 'its wikidata value spans several lines: set it by hand' };
    next[existing] = `wikidata: ${item}${lines[existing]?.endsWith('\r\n') ? '\r\n' : lines[existing]?.endsWith('\n') ? '\n' : ''}`;
  } else {
    const wikipedia = fieldLine('wikipedia');
    next.splice(wikipedia === -1 ? closing : wikipedia, 0, `wikidata: ${item}${newline}`);
  }
  const written = next.join('');

  return onlyWikidataChanged(yaml, splitFrontmatter(written).yaml, item)
    ? { ok: true, text: written }
    : { ok: false, reason: 'the front matter is laid out in a way this tool cannot edit line by line: add the wikidata line by hand' };
}

function onlyWikidataChanged(before: string, after: string | null, item: string): boolean {
  if (after === null) return false;
  try {
    return isDeepStrictEqual(parse(after), { ...(parse(before) as Record<string, unknown>), wikidata: item });
  } catch {
    return false;
  }
}
