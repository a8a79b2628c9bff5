import { diffWordsWithSpace } from 'diff';
import type { Block } from './blocks.ts';
import type { SourceParagraph } from '../text/paragraphs.ts';

export interface FidelityProblem {
  /** 1-based paragraph number. */
  paragraph: number;
  /** Line in the page body (undefined when the page lacks the paragraph). */
  pageLine?: number;
  /** Line in the source file (undefined when the source lacks the paragraph). */
  sourceLine?: number;
  message: string;
}

/**
 * Compares a page's paragraphs, annotations stripped, with its source's,
 * paragraph for paragraph. Each difference is reported with a word diff in
 * `[-source-]{+page+}` notation.
 */
export function compareToSource(blocks: readonly Block[], source: readonly SourceParagraph[]): FidelityProblem[] {
  const problems: FidelityProblem[] = [];
  const count = Math.max(blocks.length, source.length);
  for (let index = 0; index < count; index += 1) {
    const block = blocks[index];
    const paragraph = source[index];
    const number = index + 1;
    if (block && paragraph) {
      if (block.text !== paragraph.text) {
        problems.push({
          paragraph: number,
          pageLine: block.line,
          sourceLine: paragraph.line,
          message: `¶ ${number} differs from the source (source line ${paragraph.line}): ${wordDiff(paragraph.text, block.text)}`,
        });
      }
    } else if (paragraph) {
      problems.push({
        paragraph: number,
        sourceLine: paragraph.line,
        message: `¶ ${number} of the source (line ${paragraph.line}) is missing from the page: "${excerpt(paragraph.text)}"`,
      });
    } else if (block) {
      problems.push({
        paragraph: number,
        pageLine: block.line,
        message: `¶ ${number} is not in the source, which has ${source.length} paragraphs: "${excerpt(block.text)}"`,
      });
    }
  }
  return problems;
}

/** A readable word diff, trimmed to the neighbourhood of the changes. */
export function wordDiff(expected: string, actual: string): string {
  const parts = diffWordsWithSpace(expected, actual);
  return parts
    .map((part, index) => {
      if (part.added) return `{+${part.value}+}`;
      if (part.removed) return `[-${part.value}-]`;
      const isFirst = index === 0;
      const isLast = index === parts.length - 1;
      return elide(part.value, isFirst, isLast);
    })
    .join('');
}

const context = 30;

function elide(text: string, isFirst: boolean, isLast: boolean): string {
  if (text.length <= context * 2) return text;
  if (isFirst) return `…${text.slice(-context)}`;
  if (isLast) return `${text.slice(0, context)}…`;
  return `${text.slice(0, context)}…${text.slice(-context)}`;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
