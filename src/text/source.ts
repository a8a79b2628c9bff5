import { createHash } from 'node:crypto';
import { normalizeWhitespace } from './normalize.ts';

/** A paragraph of a verbatim source: a run of text between blank lines. */
export interface SourceParagraph {
  /** 1-based position among the source's paragraphs. */
  number: number;
  /** 1-based line of the source file on which the paragraph starts. */
  line: number;
  /** The paragraph with white space normalised (see NormalizedText). */
  text: string;
}

export function splitSourceParagraphs(source: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  const lines = source.split(/\r\n|\r|\n/u);
  let pending: string[] = [];
  let startLine = 0;
  const flush = () => {
    if (pending.length === 0) return;
    paragraphs.push({ number: paragraphs.length + 1, line: startLine, text: normalizeWhitespace(pending.join('\n')) });
    pending = [];
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    if (pending.length === 0) startLine = index + 1;
    pending.push(line);
  });
  flush();
  return paragraphs;
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
