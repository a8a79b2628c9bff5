/**
 * `npm run release` as an editor runs it, on the fixture corpus: an archive
 * whose checksums verify with the system's own tools, the same bytes twice,
 * and a tampered file caught.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCitationFile } from '../../src/site/dataset-citation.ts';

const work = mkdtempSync(join(tmpdir(), 'release-test-'));
const version = readCitationFile(readFileSync('CITATION.cff', 'utf8')).version;
const name = `annotated-source-corpus-${version}`;
const env = { ...process.env, CORPUS_CONTENT: 'tests/fixtures/site', SITE_URL: 'https://corpus.example.org/' };

function release(outDir: string) {
  const result = spawnSync(process.execPath, ['scripts/release.ts', '--out', outDir], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run release failed:\n${result.stdout}${result.stderr}`);
  return { archive: readFileSync(join(outDir, `${name}.tar.gz`)), output: result.stdout };
}

async function entries(archive: Buffer): Promise<{ header: Header; bytes: Buffer }[]> {
  const found: { header: Header; bytes: Buffer }[] = [];
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      found.push({ header, bytes: Buffer.concat(chunks) });
      next();
    });
  });
  await new Promise<void>((resolveDone, reject) => {
    reader.on('finish', () => resolveDone());
    reader.on('error', reject);
    Readable.from([gunzipSync(archive)]).pipe(reader);
  });
  return found;
}

let first: { archive: Buffer; output: string };
let second: { archive: Buffer; output: string };

beforeAll(() => {
  first = release(join(work, 'first'));
  second = release(join(work, 'second'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run release', () => {
  it('gives the same bytes twice from the same content', () => {
    expect(second.archive.equals(first.archive)).toBe(true);
    const hash = createHash('sha256').update(first.archive).digest('hex');
    expect(first.output).toContain(`SHA-256 ${hash}`);
    expect(readFileSync(join(work, 'first', `${name}.tar.gz.sha256`), 'utf8')).toBe(`${hash}  ${name}.tar.gz\n`);
  });

  it('holds the sources, pages, glossary, exports, citation, README and checksums in one folder, sorted, with fixed owners, dates and permissions', async () => {
    const found = await entries(first.archive);
    const paths = found.map(({ header }) => header.name);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual([
      `${name}/`,
      `${name}/CITATION.cff`,
      `${name}/README.md`,
      `${name}/SHA256SUMS`,
      `${name}/anchors.lock.json`,
      `${name}/claims/`,
      `${name}/claims/every-pier-inspected-twice.md`,
      `${name}/claims/three-years-without-inspection.md`,
      `${name}/comparisons/`,
      `${name}/comparisons/two-reports-of-the-reopening.yaml`,
      `${name}/corpus/`,
      `${name}/corpus/council-answers-questions.mdx`,
      `${name}/corpus/harbour-bridge-reopens.mdx`,
      `${name}/corrections.yaml`,
      `${name}/docs/`,
      `${name}/docs/open-data.md`,
      `${name}/editorial.lock.json`,
      `${name}/exports/`,
      `${name}/exports/annotations.jsonld`,
      `${name}/exports/annotations/`,
      `${name}/exports/annotations/council-answers-questions.jsonld`,
      `${name}/exports/annotations/harbour-bridge-reopens.jsonld`,
      `${name}/exports/corpus.json`,
      `${name}/exports/corpus/`,
      `${name}/exports/corpus/council-answers-questions.json`,
      `${name}/exports/corpus/harbour-bridge-reopens.json`,
      `${name}/glossary/`,
      ...[
        'albania',
        'arber-cucaj',
        'bridge-closure',
        'coastal-ledger',
        'elena-marsh',
        'harbour-bridge',
        'harbour-workers-union',
        'klea-marku',
        'maintenance-contract-2019',
        'portvale-town-council',
        'portvale',
        'radio-portvale',
        'teuta-rrapaj',
      ]
        .map((id) => `${name}/glossary/${id}.md`)
        .sort(),
      `${name}/sources/`,
      `${name}/sources/council-answers-questions.txt`,
      `${name}/sources/harbour-bridge-reopens.txt`,
    ]);
    const released = Date.parse(`${readCitationFile(readFileSync('CITATION.cff', 'utf8')).dateReleased}T00:00:00Z`);
    for (const { header } of found) {
      expect({ uid: header.uid, gid: header.gid, uname: header.uname, gname: header.gname, mtime: header.mtime?.getTime() }, header.name).toEqual({
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        mtime: released,
      });
      expect(header.mode, header.name).toBe(header.type === 'directory' ? 0o755 : 0o644);
    }
  });

  it('carries the sources byte for byte and the exports at the public address', async () => {
    const found = new Map((await entries(first.archive)).map(({ header, bytes }) => [header.name.slice(name.length + 1), bytes]));
    expect(found.get('sources/harbour-bridge-reopens.txt')?.equals(readFileSync('tests/fixtures/site/sources/harbour-bridge-reopens.txt'))).toBe(true);
    expect(found.get('CITATION.cff')?.equals(readFileSync('CITATION.cff'))).toBe(true);
    const corpus = JSON.parse(found.get('exports/corpus.json')?.toString('utf8') ?? '{}');
    expect(JSON.stringify(corpus)).toContain('https://corpus.example.org/documents/harbour-bridge-reopens/');
    expect(found.get('README.md')?.toString('utf8')).toContain(`# Annotated Source Corpus, version ${version}`);
  });

  it('has checksums that the system’s sha256sum verifies, and that catch a changed file', () => {
    const unpacked = join(work, 'unpacked');
    writeFileSync(join(work, 'archive.tar.gz'), first.archive);
    spawnSync('mkdir', ['-p', unpacked]);
    expect(spawnSync('tar', ['-xzf', join(work, 'archive.tar.gz'), '-C', unpacked]).status).toBe(0);
    const folder = join(unpacked, name);
    const check = spawnSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n').length);
    expect(readFileSync(join(folder, 'SHA256SUMS'), 'utf8')).not.toContain('SHA256SUMS');

    writeFileSync(join(folder, 'sources', 'harbour-bridge-reopens.txt'), 'changed');
    const tampered = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout).toContain('sources/harbour-bridge-reopens.txt: FAILED');
  });
});
