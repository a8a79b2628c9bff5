/**
 * Finds the Wikidata ids of glossary entries: from each entry's Wikipedia
 * article where it has one, as candidates from a name search where it has
 * none, and writes only what the editor confirms. The logic lives in
 * src/identifiers/; this file reads the glossary, talks to the terminal and
 * writes the confirmed lines.
 *
 *   npm run glossary:ids [-- --yes] [-- <entry id> …]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentDirs, siteContact, siteUrl } from '../src/config.ts';
import { baseName } from '../src/corpus/build.ts';
import type { ContentFile } from '../src/corpus/model.ts';
import { formatProblems } from '../src/corpus/problems.ts';
import { confirmIdentifiers, findIdentifiers } from '../src/identifiers/plan.ts';
import { userAgent } from '../src/identifiers/wikimedia.ts';
import { listFiles } from '../src/node/load-corpus.ts';
import packageJson from '../package.json' with { type: 'json' };

const usage = `Usage: npm run glossary:ids [-- [--yes] [<entry id> …]]

  For each glossary entry with a wikipedia address and no wikidata id, finds the item the
  article links and asks before writing it; for each entry with neither, lists Wikidata
  items of its name for you to choose from. Entries with both are checked for agreement.
  --yes      write the ids that entries' own articles link without asking (never a name-search candidate)
  <entry id> only these entries (the file names in ${contentDirs.glossary} without .md)
  Without a terminal and without --yes it only prints what it would write.
  Wikimedia asks API clients for contact details: set SITE_CONTACT (an e-mail or web address).`;

/** The command line, as node:util reads it (strict: an unknown option is refused). */
function commandLine() {
  return parseArgs({ allowPositionals: true, strict: true, options: { yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof commandLine>;
  try {
    parsed = commandLine();
  } catch (error) {
    console.error(`glossary:ids: ${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const glossary: ContentFile[] = await Promise.all(
    (await listFiles(contentDirs.glossary, '.md')).map(async (path) => ({ path, text: await readFile(path, 'utf8') })),
  );
  const idOf = (file: ContentFile) => baseName(file.path, '.md');
  const unknown = positionals.filter((id) => !glossary.some((file) => idOf(file) === id));
  if (unknown.length > 0) {
    console.error(
      `glossary:ids: no glossary entry ${unknown.map((id) => `"${id}"`).join(', ')} in ${contentDirs.glossary}: pass the ids of existing entries\n\n${usage}`,
    );
    return 1;
  }
  const selected = positionals.length > 0 ? glossary.filter((file) => positionals.includes(idOf(file))) : glossary;

  const agent = userAgent(packageJson.version, siteContact ?? siteUrl, `node/${process.versions.node}`);
  const lookup = await findIdentifiers(selected, fetch, agent);
  if (!lookup.ok) {
    if ('problems' in lookup) console.error(formatProblems(lookup.problems, 'fix them first; nothing was looked up or changed'));
    else
      console.error(
        `glossary:ids: offline or refused: ${lookup.unreachable}.\nNothing was changed. Run npm run glossary:ids again on a machine that can reach Wikipedia and Wikidata.`,
      );
    return 1;
  }

  const terminal = process.stdin.isTTY && process.stdout.isTTY;
  const prompt = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const writes = await confirmIdentifiers(lookup.findings, selected, {
    yes: values.yes ?? false,
    ask: prompt ? (question) => prompt.question(question) : undefined,
    print: (text) => console.log(text),
  }).finally(() => prompt?.close());
  for (const { path, text } of writes) await writeFile(path, text);
  console.log(
    writes.length === 0
      ? `\nNothing was written (${lookup.findings.length} entries looked up).`
      : `\nWrote ${writes.length === 1 ? '1 id' : `${writes.length} ids`}: ${writes.map(({ path, item }) => `${path} (${item})`).join(', ')}. Check the diff, then build.`,
  );
  return 0;
}

process.exitCode = await main();
