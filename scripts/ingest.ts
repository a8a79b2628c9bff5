/**
 * Adds a source to the corpus: stores the text file verbatim and writes a
 * draft page with every mention of a glossary entry marked, or re-links an
 * existing page (--update) keeping the editors' work. The logic lives in
 * src/ingest/plan.ts; this file only reads and writes, and writes nothing
 * unless every check has passed.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentFile } from '../src/corpus/model.ts';
import { planIngest, planPublish, planUpdate, type ExistingContent, type FileWrite, type Plan } from '../src/ingest/plan.ts';

const usage = `Usage:
  npm run ingest -- <file.txt> --title "Headline" --publisher "Outlet" --date YYYY-MM-DD [options]
  npm run ingest -- --update <slug | path of the page>
  npm run ingest -- --publish <slug | path of the page>

  --title, --publisher, --date   required: the headline as published, the outlet, the publication date
  --author NAME                  once per author
  --url URL                      the original article
  --received-from URL            the copy the text was taken from, if not the original
  --date-note TEXT               how the date was established, if the source does not print it
  --language TAG                 BCP 47 language tag (default: en)
  --slug SLUG                    the page's permanent URL (default: derived from the title)
  --update SLUG|PATH             re-link an existing page, keeping every annotation and note
  --publish SLUG|PATH            remove draft: true from a page whose review list is empty
  --content DIR                  the content directory (default: $CORPUS_CONTENT or "content")`;

const metadataFlags = ['title', 'publisher', 'author', 'date', 'date-note', 'url', 'received-from', 'language', 'slug'] as const;

/** A mistake on the command line: the message is followed by the usage. */
class UsageError extends Error {}
/** Anything else that stops the command: the message says what to do. */
class StopError extends Error {}

/** The command line, as node:util reads it (strict: an unknown option is refused). */
function parseCommandLine(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      author: { type: 'string', multiple: true },
      date: { type: 'string' },
      'date-note': { type: 'string' },
      url: { type: 'string' },
      'received-from': { type: 'string' },
      language: { type: 'string' },
      slug: { type: 'string' },
      update: { type: 'string' },
      publish: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(args: string[]): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  const contentDir = values.content ?? process.env.CORPUS_CONTENT ?? 'content';

  let plan: Plan;
  let update = false;
  if (values.update !== undefined && values.publish !== undefined) throw new UsageError('pass --update or --publish, not both: re-link first, then publish');
  const existingPage = values.update ?? values.publish;
  if (existingPage !== undefined) {
    const flag = values.update !== undefined ? '--update' : '--publish';
    if (positionals.length > 0)
      throw new UsageError(`${flag} ${flag === '--update' ? 're-links' : 'publishes'} an existing page and takes no text file (got ${positionals.join(' ')})`);
    const given = metadataFlags.filter((name) => values[name] !== undefined);
    if (given.length > 0)
      throw new UsageError(
        `${flag} keeps the page's front matter as the editors left it: edit it in the page, not with ${given.map((name) => `--${name}`).join(', ')}`,
      );
    const pagePath = /\.mdx$|\//u.test(existingPage) ? existingPage : join(contentDir, 'corpus', `${existingPage}.mdx`);
    const pageText = await readFile(pagePath, 'utf8').catch(() => {
      throw new StopError(
        `${pagePath}: no such page: ${flag} takes the slug (e.g. my-article) or the path of an existing page in ${join(contentDir, 'corpus')}`,
      );
    });
    plan =
      values.update !== undefined
        ? planUpdate({ pagePath, pageText }, await readContent(contentDir))
        : planPublish({ pagePath, pageText }, await readContent(contentDir));
    update = true;
  } else {
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'pass the text file to ingest' : `pass one text file at a time (got ${positionals.length})`);
    const input = positionals[0] ?? '';
    const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) => {
      throw new StopError(`${input}: ${unreadable(error)}`);
    });
    plan = planIngest(
      {
        input,
        bytes,
        options: {
          title: values.title,
          publisher: values.publisher,
          authors: values.author,
          date: values.date,
          dateNote: values['date-note'],
          url: values.url,
          receivedFrom: values['received-from'],
          language: values.language,
          slug: values.slug,
        },
      },
      await readContent(contentDir),
    );
  }

  if (!plan.ok) {
    console.error(plan.errors.join('\n\n'));
    console.error('\nNothing was written.');
    process.exitCode = 1;
    return;
  }
  if (update) await replacePages(plan.writes);
  else await createFiles(plan.writes);
  process.stdout.write(plan.report);
}

/** Why the input file cannot be read, in words, with what to do. */
function unreadable(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return `no such file (looked in ${process.cwd()}): check the path, or pass it relative to the project folder`;
  if (error.code === 'EISDIR') return 'is a folder, not a file: pass the text file of the article';
  if (error.code === 'EACCES' || error.code === 'EPERM') return "cannot be read: permission denied (check the file's permissions)";
  return `cannot read the file (${error.message})`;
}

/** Reads what the checks need from the content directory. */
async function readContent(dir: string): Promise<ExistingContent> {
  const isDir = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDir) throw new StopError(`${dir}: no content directory here: pass --content <dir> or set CORPUS_CONTENT`);
  const list = async (sub: string, extension: string) =>
    (await readdir(join(dir, sub)).catch(() => [] as string[])).filter((name) => name.endsWith(extension)).sort();
  const glossary: ContentFile[] = await Promise.all(
    (await list('glossary', '.md')).map(async (name) => ({ path: join(dir, 'glossary', name), text: await readFile(join(dir, 'glossary', name), 'utf8') })),
  );
  const sources = new Map<string, Uint8Array>(
    await Promise.all((await list('sources', '.txt')).map(async (name) => [name, await readFile(join(dir, 'sources', name))] as [string, Uint8Array])),
  );
  const pages = new Set((await list('corpus', '.mdx')).map((name) => name.slice(0, -'.mdx'.length)));
  return { dir, pages, sources, glossary };
}

/** Creates new files, never overwriting one; if any write fails, removes those already written. */
async function createFiles(writes: readonly FileWrite[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const { path, data } of writes) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data, { flag: 'wx' });
      written.push(path);
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw new StopError(`could not write the files (${(error as Error).message}); nothing was kept`);
  }
}

/** Replaces pages through a temporary file and a rename, so a failed write never leaves half a page. */
async function replacePages(writes: readonly FileWrite[]): Promise<void> {
  for (const { path, data } of writes) {
    const temporary = `${path}.ingest-${process.pid}.tmp`;
    try {
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new StopError(`could not write ${path} (${(error as Error).message}); the page is unchanged`);
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) console.error(`ingest: ${error.message}\nNothing was written.\n\n${usage}`);
  else if (error instanceof StopError) console.error(`ingest: ${error.message}\nNothing was written.`);
  else throw error;
  process.exitCode = 1;
}
