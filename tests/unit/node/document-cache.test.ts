import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../../src/node/document-cache.ts';

/**
 * The pipeline's version follows the modules the per-document task imports,
 * found through their relative imports (`from`, bare `import` and
 * `import()`), and the lock file: tests/fixtures/pipeline-version is such a
 * pipeline, copied before each change.
 */
describe('pipelineVersion', () => {
  let dir = '';
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-version-'));
    cpSync('tests/fixtures/pipeline-version', dir, { recursive: true });
    return {
      version: () => pipelineVersion([join(dir, 'worker.ts')], join(dir, 'package-lock.json')),
      before: pipelineVersion([join(dir, 'worker.ts')], join(dir, 'package-lock.json')),
    };
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same for the same modules wherever they are', () => {
    const first = copy();
    const second = pipelineVersion([join('tests/fixtures/pipeline-version', 'worker.ts')], join('tests/fixtures/pipeline-version', 'package-lock.json'));
    expect(first.before).toBe(second);
    expect(first.before).toMatch(/^[0-9a-f]{64}$/u);
  });

  it.each([['render.ts'], ['options.ts'], ['plugins/emphasis.ts'], ['side-effect.ts'], ['package-lock.json']])('changes when %s changes', (file) => {
    const { version, before } = copy();
    appendFileSync(join(dir, file), '\n// changed\n');
    expect(version()).not.toBe(before);
  });

  it('follows every entry it is given, not the first alone', () => {
    copy();
    const both = () => pipelineVersion([join(dir, 'worker.ts'), join(dir, 'unused.ts')], join(dir, 'package-lock.json'));
    const before = both();
    appendFileSync(join(dir, 'unused.ts'), '\n// changed\n');
    expect(both()).not.toBe(before);
  });

  it('stays the same when a module the pipeline does not import changes', () => {
    const { version, before } = copy();
    appendFileSync(join(dir, 'unused.ts'), '\n// changed\n');
    expect(version()).toBe(before);
  });
});
