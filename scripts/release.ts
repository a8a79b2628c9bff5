/**
 * Packages the corpus as a citable data set:
 *
 *   npm run release [-- --out <dir>]     # default release/
 *
 * writes `<dir>/annotated-source-corpus-<version>.tar.gz` (and its SHA-256
 * beside it), holding in one folder the verbatim sources, the annotated pages
 * (the MDX the site is built from), the glossary, the claims register, the
 * comparisons, the corrections, the anchor and editorial locks, the open-data exports
 * (annotations.jsonld, corpus.json and their per-document files), their
 * documentation, CITATION.cff, a README and SHA256SUMS. The version and the
 * files' dates come from CITATION.cff (`version`, `date-released`), or the
 * date from SOURCE_DATE_EPOCH: entries are sorted, owned by no one, 0644 and
 * 0755, so the same content gives the same bytes every time. The exports'
 * URLs begin with SITE_URL, as the site's do: set it to the public address.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { type ContentDirs, contentDirs, contentRoot, siteName, siteUrl } from '../src/config.ts';
import { formatProblems } from '../src/corpus/problems.ts';
import { loadCorpus } from '../src/node/load-corpus.ts';
import { writeExports } from '../src/node/write-exports.ts';
import { absoluteUrl, homePath } from '../src/routes.ts';
import { type CorpusCitationFile, corpusCitation, readCitationFile } from '../src/site/dataset-citation.ts';
import { formatDate, plural } from '../src/site/format.ts';
import { sha256 } from '../src/text/hash.ts';

/** A file of the archive: its path inside the release folder, and its bytes. */
export interface ReleaseFile {
  path: string;
  bytes: Uint8Array;
}

export interface ReleaseOptions {
  /** The project root: CITATION.cff and docs/ are read from it, the content folders relative to it. */
  root: string;
  dirs?: ContentDirs;
  /** The public URL the exports' addresses begin with. */
  siteUrl: string;
  /** Seconds since the epoch for every file's date; by default midnight UTC of CITATION.cff's date-released. */
  sourceDateEpoch?: number;
}

export interface Release {
  /** `annotated-source-corpus-0.1.0`: the archive's folder and the file's name without `.tar.gz`. */
  name: string;
  version: string;
  files: ReleaseFile[];
  archive: Buffer;
}

const archiveSlug = siteName.toLowerCase().replaceAll(/[^a-z0-9]+/gu, '-');
const encoder = new TextEncoder();

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  return names.filter((name) => name.endsWith(extension)).sort();
}

async function optionalFile(path: string): Promise<Uint8Array | undefined> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
}

/** Every file under `dir`, by its path relative to it with forward slashes. */
async function readTree(dir: string): Promise<ReleaseFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        return { path: relative(dir, file).split(sep).join('/'), bytes: await readFile(file) };
      }),
  );
}

/** `sha256sum` lines for every file, sorted by path: `sha256sum -c SHA256SUMS` checks them. */
export function checksums(files: readonly ReleaseFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((file) => `${sha256(file.bytes)}  ${file.path}\n`)
    .join('');
}

interface ReadmeFacts {
  citation: CorpusCitationFile;
  siteUrl: string;
  documents: number;
  entries: number;
  claims: number;
  comparisons: number;
  corrections: number;
  annotations: number;
}

/** The archive's README: what it holds, how to cite it and how to check it. */
export function dataReadme(facts: ReadmeFacts): string {
  const { citation } = facts;
  const { apa, bibtex } = corpusCitation(citation, facts.siteUrl);
  return `# ${citation.title}, version ${citation.version}

Released on ${formatDate(citation.dateReleased)}. Published at ${absoluteUrl(homePath, facts.siteUrl)}.

${citation.abstract ?? ''}

## How to cite

${apa}

\`\`\`bibtex
${bibtex}
\`\`\`

The same citation is in \`CITATION.cff\` (Citation File Format). To cite one document or
one of its paragraphs, use the Cite button on its page of the site.

## What is here

| file or folder | what it holds |
| --- | --- |
| \`sources/\` | ${plural(facts.documents, 'source document')}, each byte for byte as received |
| \`corpus/\` | the annotated pages, one MDX file per source: front matter with the metadata a citation needs and the source's SHA-256, then the text paragraph by paragraph, names marked \`<Mention entry="id">\`, page debris marked \`<Debris>\`, editorial notes as footnotes |
| \`glossary/\` | ${plural(facts.entries, 'glossary entry', 'glossary entries')} (people, organisations, institutions, places, events, agreements, publications), Markdown with YAML front matter |
| \`claims/\` | the claims register: ${plural(facts.claims, 'claim')}, each with its claimant, status, quoted appearances and responses |
| \`comparisons/\` | ${plural(facts.comparisons, 'point-by-point comparison')} of the documents |
| \`corrections.yaml\` | ${plural(facts.corrections, 'correction')} to published editorial text: when, what, why, and the wording replaced |
| \`anchors.lock.json\` | every paragraph anchor ever published (\`/documents/<slug>/#p7\`), and where moved ones now point |
| \`editorial.lock.json\` | the SHA-256 of each unit of editorial text as published (a note, a metadata block, an entry, a comparison point, a claim): a change without a record in \`corrections.yaml\` is refused |
| \`exports/annotations.jsonld\`, \`exports/annotations/\` | ${plural(facts.annotations, 'annotation')} (mentions, notes, reported claims) as W3C Web Annotations anchored in the verbatim sources, paged by document |
| \`exports/corpus.json\`, \`exports/corpus/\` | the documents, glossary, claims and corrections as plain JSON, with each document's paragraphs |
| \`docs/open-data.md\` | the exports' format, field by field |
| \`CITATION.cff\` | how to cite this release |
| \`SHA256SUMS\` | the SHA-256 of every other file |

The exports give every address as a URL beginning with ${facts.siteUrl}; a paragraph's
address is its document's URL and \`#p\` with its number.

The source documents remain the work of the outlets and authors named in their pages'
front matter, reproduced as received for study and verification; the annotations,
glossary, claims register, comparisons and corrections are the editors'.

## Checking the files

In this folder:

    sha256sum -c SHA256SUMS              # Linux
    shasum -a 256 -c SHA256SUMS          # macOS

Every line must end in \`OK\`. The archive itself has the same bytes whenever it is made
from the same content, so its own SHA-256 identifies this release.
`;
}

/** A deterministic tar.gz: entries sorted, folders before their files, one date, no owner, fixed permissions. */
export async function tarGz(folder: string, files: readonly ReleaseFile[], mtime: Date): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolveEnd, reject) => {
    archive.on('end', resolveEnd);
    archive.on('error', reject);
  });
  const folders = new Set<string>([folder]);
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) folders.add(`${folder}/${parts.slice(0, depth).join('/')}`);
  }
  const entries = [
    ...[...folders].map((path) => ({ path: `${path}/`, bytes: undefined })),
    ...files.map((file) => ({ path: `${folder}/${file.path}`, bytes: file.bytes })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const owner = { uid: 0, gid: 0, uname: '', gname: '', mtime };
  for (const { path, bytes } of entries) {
    await new Promise<void>((resolveEntry, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolveEntry());
      if (bytes === undefined) archive.entry({ ...owner, name: path, type: 'directory', mode: 0o755 }, done);
      else archive.entry({ ...owner, name: path, type: 'file', mode: 0o644, size: bytes.byteLength }, Buffer.from(bytes), done);
    });
  }
  archive.finalize();
  await ended;
  const gzip = gzipSync(Buffer.concat(chunks), { level: 9 });
  // The gzip header names the operating system that compressed it (zlib writes 3 on Linux, 19 on macOS): say Unix everywhere.
  gzip[9] = 3;
  return gzip;
}

/** Builds the release in memory from the content, CITATION.cff and the exports, checking the corpus first. */
export async function makeRelease({ root, dirs = contentDirs, siteUrl, sourceDateEpoch }: ReleaseOptions): Promise<Release> {
  const citation = readCitationFile(await readFile(join(root, 'CITATION.cff'), 'utf8'));
  const { model, problems } = await loadCorpus(root, dirs);
  if (problems.length > 0) throw new Error(formatProblems(problems, 'no release was made'));

  const exportsDir = await mkdtemp(join(tmpdir(), 'corpus-release-'));
  let exported: { annotations: number };
  let exportFiles: ReleaseFile[];
  try {
    exported = await writeExports(model, root, exportsDir, siteUrl);
    exportFiles = (await readTree(exportsDir)).map((file) => ({ ...file, path: `exports/${file.path}` }));
  } finally {
    await rm(exportsDir, { recursive: true, force: true });
  }

  const content = async (folder: keyof ContentDirs, extension: string, into: string) =>
    Promise.all(
      (await listFiles(resolve(root, dirs[folder]), extension)).map(async (name) => ({
        path: `${into}/${name}`,
        bytes: await readFile(resolve(root, dirs[folder], name)),
      })),
    );
  const single = async (path: string, into: string): Promise<ReleaseFile[]> => {
    const bytes = await optionalFile(resolve(root, path));
    return bytes ? [{ path: into, bytes }] : [];
  };
  const files: ReleaseFile[] = [
    ...(await content('sources', '.txt', 'sources')),
    ...(await content('corpus', '.mdx', 'corpus')),
    ...(await content('glossary', '.md', 'glossary')),
    ...(await content('claims', '.md', 'claims')),
    ...(await content('comparisons', '.yaml', 'comparisons')),
    ...(await single(dirs.corrections, 'corrections.yaml')),
    ...(await single(dirs.anchorLock, 'anchors.lock.json')),
    ...(await single(dirs.editorialLock, 'editorial.lock.json')),
    ...exportFiles,
    ...(await single('docs/open-data.md', 'docs/open-data.md')),
    ...(await single('CITATION.cff', 'CITATION.cff')),
  ];
  const readme = dataReadme({
    citation,
    siteUrl,
    documents: model.documents.length,
    entries: model.entries.length,
    claims: model.claims.length,
    comparisons: model.comparisons.length,
    corrections: model.corrections.length,
    annotations: exported.annotations,
  });
  files.push({ path: 'README.md', bytes: encoder.encode(readme) });
  files.push({ path: 'SHA256SUMS', bytes: encoder.encode(checksums(files)) });

  const name = `${archiveSlug}-${citation.version}`;
  const mtime = new Date(sourceDateEpoch !== undefined ? sourceDateEpoch * 1000 : Date.parse(`${citation.dateReleased}T00:00:00Z`));
  return { name, version: citation.version, files, archive: await tarGz(name, files, mtime) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex >= 0 ? process.argv[outIndex + 1] : 'release';
  try {
    if (!outDir) throw new Error('usage: npm run release [-- --out <dir>]');
    if (/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/u.test(siteUrl)) {
      console.warn(`[release] SITE_URL is ${siteUrl}: the exports' URLs will point there. Set SITE_URL to the public address for a release to publish.`);
    }
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const release = await makeRelease({ root: process.cwd(), siteUrl, ...(epoch ? { sourceDateEpoch: Number(epoch) } : {}) });
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, `${release.name}.tar.gz`);
    const hash = sha256(release.archive);
    await writeFile(file, release.archive);
    await writeFile(`${file}.sha256`, `${hash}  ${release.name}.tar.gz\n`);
    console.log(
      `[release] ${file}: ${release.files.length} files from ${contentRoot}/, ${release.archive.byteLength.toLocaleString('en-GB')} bytes, SHA-256 ${hash}`,
    );
  } catch (error) {
    console.error(`[release] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
