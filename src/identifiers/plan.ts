/**
 * What `npm run glossary:ids` does, without its side effects: for each
 * glossary entry with a Wikipedia article and no Wikidata id, the item the
 * article itself links (never a name search); for each entry with neither,
 * candidates from a name search for the editor to choose from; for each entry
 * with both, whether they agree. Only what the editor confirms is written:
 * `yes` confirms the article-linked ids, never a search candidate, and with
 * no one to ask and no `yes` nothing is. Every question goes out before any
 * answer is asked for, so that a lookup that fails (offline) changes nothing.
 */
import { baseName } from '../corpus/build.ts';
import type { ContentFile } from '../corpus/model.ts';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import type { Problem } from '../corpus/problems.ts';
import { entrySchema } from '../corpus/schema.ts';
import { withWikidata } from './front-matter.ts';
import { type ArticleItem, type Candidate, type Fetch, itemOfArticle, searchItems } from './wikimedia.ts';

export interface EntryRef {
  id: string;
  path: string;
  name: string;
}

export type Finding = { entry: EntryRef } & (
  | { kind: 'article'; wikipedia: string; found: Exclude<ArticleItem, { kind: 'unreachable' }> }
  | { kind: 'recorded'; wikidata: string; wikipedia: string; found: Exclude<ArticleItem, { kind: 'unreachable' }> }
  | { kind: 'candidates'; candidates: Candidate[] }
);

export type Lookup = { ok: true; findings: Finding[] } | { ok: false; problems: Problem[] } | { ok: false; unreachable: string };

/** Asks Wikimedia, one request at a time as its etiquette asks, about every entry that lacks an id or can check one. */
export async function findIdentifiers(glossary: readonly ContentFile[], fetch: Fetch, agent: string): Promise<Lookup> {
  const parsed = glossary.map((file) => ({ file, result: parseFrontmatter(file.text, file.path, entrySchema) }));
  const problems = parsed.flatMap(({ result }) => (result.ok ? [] : result.problems));
  // A glossary the build would refuse is fixed first: nothing is asked of the network for it.
  if (problems.length > 0) return { ok: false, problems };
  const findings: Finding[] = [];
  for (const { file, result } of parsed) {
    if (!result.ok) continue;
    const { name, wikidata, wikipedia } = result.data;
    const entry = { id: baseName(file.path, '.md'), path: file.path, name };
    if (wikipedia) {
      const found = await itemOfArticle(wikipedia, fetch, agent);
      if (found.kind === 'unreachable') return { ok: false, unreachable: found.reason };
      findings.push(wikidata ? { entry, kind: 'recorded', wikidata, wikipedia, found } : { entry, kind: 'article', wikipedia, found });
    } else if (!wikidata) {
      const found = await searchItems(name, fetch, agent);
      if (found.kind === 'unreachable') return { ok: false, unreachable: found.reason };
      findings.push({ entry, kind: 'candidates', candidates: found.candidates });
    }
  }
  return { ok: true, findings };
}

/** What the editor is told about one entry. */
export function describeFinding(finding: Finding): string {
  const { entry } = finding;
  if (finding.kind === 'candidates') {
    if (finding.candidates.length === 0)
      return `${entry.path}: "${entry.name}" has no Wikipedia article in its front matter, and Wikidata has no item of that name`;
    return [
      `${entry.path}: "${entry.name}" has no Wikipedia article in its front matter; Wikidata items of that name (check each before choosing):`,
      ...finding.candidates.map(
        (candidate, index) => `  ${index + 1}. ${candidate.item}  ${candidate.label}${candidate.description ? ` — ${candidate.description}` : ''}`,
      ),
    ].join('\n');
  }
  const { found } = finding;
  if (found.kind === 'not-an-article') return `${entry.path}: wikipedia: ${found.reason}`;
  if (found.kind === 'missing') return `${entry.path}: wikipedia: ${finding.wikipedia} names no article ("${found.title}" does not exist): correct the address`;
  if (found.kind === 'no-item') return `${entry.path}: the article "${found.title}" is linked to no Wikidata item`;
  const article = `the article "${found.title}"${found.redirectedFrom ? ` (redirected from "${found.redirectedFrom}")` : ''}`;
  if (finding.kind === 'article') return `${entry.path}: ${article} is linked to Wikidata item ${found.item}`;
  if (found.item === finding.wikidata) return `${entry.path}: wikidata: ${finding.wikidata} agrees with ${article}`;
  return `${entry.path}: wikidata: ${finding.wikidata} differs from ${found.item}, the item of ${article}: check which is right and correct the entry by hand`;
}

export interface ConfirmOptions {
  /** Confirms every article-linked id without asking; never a name-search candidate. */
  yes: boolean;
  /** Asks the editor a question and resolves with the answer; absent when no one can answer (no terminal). */
  ask?: (question: string) => Promise<string>;
  print: (text: string) => void;
}

export interface EntryWrite {
  path: string;
  item: string;
  text: string;
}

/**
 * Tells the editor each finding and collects the ids confirmed: an
 * article-linked id on `yes` or a "y", a candidate only by its number.
 */
export async function confirmIdentifiers(findings: readonly Finding[], files: readonly ContentFile[], options: ConfirmOptions): Promise<EntryWrite[]> {
  const writes: EntryWrite[] = [];
  for (const finding of findings) {
    options.print(describeFinding(finding));
    const item = await chosenItem(finding, options);
    if (!item) continue;
    const file = files.find((candidate) => candidate.path === finding.entry.path);
    const written = withWikidata(file?.text ?? '', item);
    if (written.ok) writes.push({ path: finding.entry.path, item, text: written.text });
    else options.print(`  not written: ${written.reason}`);
  }
  return writes;
}

async function chosenItem(finding: Finding, { yes, ask, print }: ConfirmOptions): Promise<string | undefined> {
  if (finding.kind === 'article' && finding.found.kind === 'item') {
    const { item } = finding.found;
    if (yes) return item;
    if (!ask) {
      print(`  would write wikidata: ${item} (run in a terminal to confirm, or pass --yes)`);
      return undefined;
    }
    return /^y(es)?$/iu.test((await ask(`  write wikidata: ${item}? [y/N] `)).trim()) ? item : undefined;
  }
  if (finding.kind === 'candidates' && finding.candidates.length > 0) {
    // A name can belong to several items: only the editor's explicit choice is written, --yes or not.
    if (!ask) return undefined;
    const answer = (await ask(`  the number of the right item, or Enter if none is: `)).trim();
    return finding.candidates[Number(answer) - 1]?.item;
  }
  return undefined;
}
