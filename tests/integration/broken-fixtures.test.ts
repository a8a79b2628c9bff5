import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from './astro-build.ts';

/**
 * Each directory under tests/fixtures/broken is a small corpus with one
 * defect; the real build must refuse it with the message in its expected.txt
 * (paths there are relative to the fixture), printed as a message and not as
 * a crash, and leave its files untouched.
 */
const fixturesDir = 'tests/fixtures/broken';
const fixtures = readdirSync(fixturesDir).filter((name) => statSync(join(fixturesDir, name)).isDirectory());

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (entry.isFile()) hash.update(join(entry.parentPath, entry.name)).update(readFileSync(join(entry.parentPath, entry.name)));
  }
  return hash.digest('hex');
}

describe.concurrent('the build refuses broken content with a message naming file and line', () => {
  it.each(fixtures)('%s', async (name) => {
    const dir = join(fixturesDir, name);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trim().replaceAll('{dir}', dir);
    const before = fingerprint(dir);
    const { code, output, outDir } = await astroBuild(dir);
    await rm(outDir, { recursive: true, force: true });
    expect(code).not.toBe(0);
    expect(output).toContain(`${dir}/${expected}`);
    // A content problem is the editor's to fix, not a crash: no "unhandled error in a hook" wrapper, no stack trace.
    expect(output).not.toContain('An unhandled error occurred');
    expect(output).not.toMatch(/^\s+at \S.*:\d+:\d+\)?$/mu);
    expect(fingerprint(dir)).toBe(before);
  });
});

/**
 * An error the check does not expect (here, a file where the glossary folder
 * should be) stops the build with one line naming the path, not Astro's
 * "unhandled error in a hook" and a stack trace; --debug gives the stack.
 */
describe('an unexpected error', () => {
  const dir = 'tests/fixtures/crash/glossary-is-a-file';

  it('is told as the path it concerns and what is wrong, without a stack trace', async () => {
    const { code, output, outDir } = await astroBuild(dir);
    await rm(outDir, { recursive: true, force: true });
    expect(code).not.toBe(0);
    expect(output).toContain(`${dir}/glossary: is a file where a folder is expected`);
    expect(output).not.toContain('An unhandled error occurred');
    expect(output).not.toMatch(/^\s+at \S.*:\d+:\d+\)?$/mu);
  });

  it('shows its stack trace with --debug', async () => {
    const { code, output, outDir } = await astroBuild(dir, { CORPUS_DEBUG: '1' });
    await rm(outDir, { recursive: true, force: true });
    expect(code).not.toBe(0);
    expect(output).toMatch(/^\s+at \S.*:\d+:\d+\)?$/mu);
  });
});
