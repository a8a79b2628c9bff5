/**
 * `npm run glossary:ids` as an editor runs it, without a terminal (so it asks
 * nothing), on a copy of the fixture glossary, with the network replaced by
 * the recorded responses or by a failing fetch (tests/support/wikimedia-preload.ts).
 * The questions asked in a terminal are tested in tests/unit/identifiers.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const fixtureGlossary = 'tests/fixtures/glossary-ids/glossary';
const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A content directory holding a copy of the fixture glossary. */
function tempContent(): string {
  const content = mkdtempSync(join(tmpdir(), 'glossary-ids-test-'));
  temporaryDirs.push(content);
  cpSync(fixtureGlossary, join(content, 'glossary'), { recursive: true });
  return content;
}

/** Every glossary file's text, by name. */
function glossaryTexts(content: string): Record<string, string> {
  const dir = join(content, 'glossary');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

function run(content: string, network: 'recorded' | 'offline', args: string[] = []): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './tests/support/wikimedia-preload.ts', 'scripts/glossary-ids.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, CORPUS_CONTENT: content, GLOSSARY_IDS_FETCH: network } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe.concurrent('npm run glossary:ids', () => {
  it('without a terminal and without --yes, prints what it would write and changes nothing', async () => {
    const content = tempContent();
    const before = glossaryTexts(content);
    const { status, stdout } = await run(content, 'recorded');
    expect(status).toBe(0);
    expect(stdout).toContain('  would write wikidata: Q1001 (run in a terminal to confirm, or pass --yes)');
    expect(stdout).toContain('\nNothing was written (7 entries looked up).');
    expect(glossaryTexts(content)).toEqual(before);
  });

  it("with --yes, writes only the ids of entries' own articles, one line each", async () => {
    const content = tempContent();
    const before = glossaryTexts(content);
    const { status, stdout } = await run(content, 'recorded', ['--yes']);
    expect(status).toBe(0);
    expect(stdout).toContain(`Wrote 2 ids: ${join(content, 'glossary', 'linked.md')} (Q1001), ${join(content, 'glossary', 'renamed.md')} (Q1002).`);
    expect(glossaryTexts(content)).toEqual({
      ...before,
      'linked.md': before['linked.md']?.replace('wikipedia:', 'wikidata: Q1001\nwikipedia:'),
      'renamed.md': before['renamed.md']?.replace('wikipedia:', 'wikidata: Q1002\nwikipedia:'),
    });
  });

  it('offline, says so plainly, exits 1 and changes nothing, even with --yes', async () => {
    const content = tempContent();
    const before = glossaryTexts(content);
    const { status, stdout, stderr } = await run(content, 'offline', ['--yes']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'glossary:ids: offline or refused: cannot reach en.wikipedia.org (getaddrinfo ENOTFOUND en.wikipedia.org).\n' +
        'Nothing was changed. Run npm run glossary:ids again on a machine that can reach Wikipedia and Wikidata.\n',
    );
    expect(glossaryTexts(content)).toEqual(before);
  });

  it('refuses an entry id that is not in the glossary', async () => {
    const { status, stderr } = await run(tempContent(), 'recorded', ['no-such-entry']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^glossary:ids: no glossary entry "no-such-entry" in .*glossary: pass the ids of existing entries/);
  });
});
