import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = 'dist';

/** The URL path of every HTML page of the production build. */
export function builtPages(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .map((path) => path.replace(/index\.html$/u, ''))
    .sort();
}
