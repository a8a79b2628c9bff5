/** The glossary of tests/fixtures/ingest/glossary, as ingest reads entry files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../../../src/corpus/model.ts';

export const fixtures = 'tests/fixtures/ingest';

/** The entry files, with the paths they would have in a content directory named `content`. */
export function fixtureGlossary(): ContentFile[] {
  const dir = join(fixtures, 'glossary');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join('content', 'glossary', name), text: readFileSync(join(dir, name), 'utf8') }));
}
