/**
 * The plain text of MDX nodes, and the way back from a text node's value to
 * the characters of the file it was parsed from (escapes and character
 * references included), so that tags can be inserted into the file itself.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { parseMdx } from '../corpus/parse.ts';
import { OffsetMapBuilder, type OffsetMap } from '../text/offset-map.ts';

/** The text of a node as a reader sees it. */
export function plainText(node: RootContent | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as (RootContent | PhrasingContent)[]).map((child) => plainText(child)).join('') : '';
}

/**
 * Maps a text node's value back onto the MDX it was parsed from: a value
 * character may come from itself, a backslash escape or a character
 * reference; white space at line ends and starts may be dropped. The map's
 * text is the value, its offsets are into `raw`. Returns null when the two
 * cannot be aligned, and the caller then leaves the node alone.
 */
export function alignRaw(raw: string, value: string): OffsetMap | null {
  const map = new OffsetMapBuilder();
  let index = 0;
  let position = 0;
  while (position < value.length) {
    const char = raw[index];
    if (char === undefined) return null;
    const next = raw[index + 1];
    if (char === '\\' && next !== undefined && /[!-/:-@[-`{-~]/u.test(next) && value[position] === next) {
      map.push(next, index, index + 2);
      index += 2;
      position += 1;
      continue;
    }
    if (char === '&') {
      const reference = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/u.exec(raw.slice(index, index + 40))?.[0];
      const decoded = reference ? decodeReference(reference) : undefined;
      if (reference && decoded !== undefined && decoded !== reference && value.startsWith(decoded, position)) {
        map.push(decoded, index, index + reference.length);
        index += reference.length;
        position += decoded.length;
        continue;
      }
    }
    if (char === value[position]) {
      map.push(char, index, index + 1);
      index += 1;
      position += 1;
      continue;
    }
    if (/\s/u.test(char)) {
      index += 1;
      continue;
    }
    return null;
  }
  return map.build();
}

const decodedReferences = new Map<string, string>();

/** What a character reference stands for, asked of the parser itself so that named references need no table here. */
function decodeReference(reference: string): string | undefined {
  if (!decodedReferences.has(reference)) {
    const first = parseMdx(`a${reference}`).children[0];
    const value = first?.type === 'paragraph' ? plainText(first) : undefined;
    decodedReferences.set(reference, value?.startsWith('a') ? value.slice(1) : reference);
  }
  return decodedReferences.get(reference);
}
