/**
 * Writes verbatim source text as MDX that reads back as the same plain text.
 *
 * A corpus page may hold only plain paragraphs, so every character sequence
 * that Markdown, GFM or MDX would turn into something else must be escaped.
 * CommonMark lets a backslash escape any ASCII punctuation, so the safe
 * answer to "is this syntax?" is "escape it"; the few sequences a backslash
 * cannot neutralise get a character reference instead. The fidelity check
 * compares text with white space normalised, which is what allows line
 * indentation and trailing spaces (code blocks, hard breaks) to be dropped.
 *
 * GFM autolink literals (`www.example.com`, `https://…`, `a@b.org`) are left
 * as they are: remark finds them after escapes are resolved, so no escape
 * prevents them, and the corpus check reads them back as the source text.
 */

/**
 * What must be escaped wherever it stands: characters that start inline
 * syntax (escapes, emphasis, code, links and footnotes, JSX, expressions,
 * tables, strikethrough, heading closers), and an `&` that would start a
 * character reference such as `&amp;` or `&#38;`. One pattern, so that the
 * backslash added before one is never escaped again by another.
 */
const inlineSyntax = /[\\`*_[\]<{}|~#]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/gu;

/**
 * Line starts that open a block: list items, block quotes, setext underlines,
 * thematic breaks and GFM table delimiter rows, which need no pipe (`x` over
 * `:-:` is a table). `*`, `_`, `#` and `|` are escaped everywhere.
 */
const blockMarker = /^[-+=>:]/u;
/** An ordered-list marker: up to nine digits and `.` or `)`. */
const orderedListMarker = /^(\d{1,9})([.)])/u;
/** MDX reads a paragraph starting with `import` or `export` as JavaScript. */
const esmKeyword = /^(import|export)(?= )/u;

/** Escapes text that stands inside a line (not at its start). */
export function escapeInline(text: string): string {
  return text.replace(inlineSyntax, '\\$&');
}

/**
 * Escapes one line of a paragraph. White space around it is dropped: leading
 * spaces could make an indented block and trailing ones a hard line break,
 * and the fidelity check ignores both.
 */
export function escapeLine(line: string, firstOfParagraph: boolean): string {
  let escaped = escapeInline(line.trim());
  if (firstOfParagraph) {
    // A backslash cannot escape a letter, so the keyword's first letter becomes a character reference.
    escaped = escaped.replace(esmKeyword, (keyword) => `&#${keyword.charCodeAt(0)};${keyword.slice(1)}`);
  }
  if (blockMarker.test(escaped)) return `\\${escaped}`;
  return escaped.replace(orderedListMarker, '$1\\$2');
}

/** A paragraph of source lines as MDX, keeping the source's line breaks. */
export function escapeParagraph(lines: readonly string[]): string {
  return lines.map((line, index) => escapeLine(line, index === 0)).join('\n');
}

/** A headline as an MDX `#` heading; a heading is one line, so line breaks become spaces. */
export function escapeHeading(lines: readonly string[]): string {
  return `# ${escapeInline(lines.map((line) => line.trim()).join(' '))}`;
}
