import { join, relative } from 'node:path';
import { contentDirs, contentRoot, type ContentDirs } from '../../src/config.ts';

/** The content folders of a corpus under `content`, laid out as content/ is. */
export function dirsUnder(content: string): ContentDirs {
  return Object.fromEntries(Object.entries(contentDirs).map(([key, path]) => [key, join(content, relative(contentRoot, path))])) as ContentDirs;
}
