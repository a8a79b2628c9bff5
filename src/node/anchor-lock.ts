import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkAnchorLock, type AnchorLock } from '../corpus/anchors.ts';
import type { Problem } from '../corpus/problems.ts';
import { contentDirs } from '../config.ts';

const anchorLockFile = contentDirs.anchorLock;

export async function readAnchorLock(root: string): Promise<{ lock: AnchorLock; text: string }> {
  const text = await readFile(resolve(root, anchorLockFile), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  if (text === '') return { lock: { anchors: [], redirects: {} }, text };
  const parsed = JSON.parse(text) as Partial<AnchorLock>;
  return { lock: { anchors: parsed.anchors ?? [], redirects: parsed.redirects ?? {} }, text };
}

export async function writeAnchorLock(root: string, lock: AnchorLock): Promise<void> {
  await writeFile(resolve(root, anchorLockFile), `${JSON.stringify(lock, null, 2)}\n`);
}

/** Problems that must stop the build: a published anchor would vanish, or a redirect leads nowhere. */
export function anchorLockProblems(lock: AnchorLock, lockText: string, current: readonly string[]): { problems: Problem[]; unlocked: string[] } {
  const { vanished, brokenRedirects, unlocked } = checkAnchorLock(lock, current);
  const lineOf = (url: string) => {
    const index = lockText.split('\n').findIndex((line) => line.includes(JSON.stringify(url)));
    return index === -1 ? 1 : index + 1;
  };
  const problems: Problem[] = [
    ...vanished.map((url) => ({
      file: anchorLockFile,
      line: lineOf(url),
      message: `the published anchor ${url} no longer exists. Permanent anchors must never vanish: restore the paragraph or page, or record where it went under "redirects" ("${url}": "<new URL>")`,
    })),
    ...brokenRedirects.map(({ from, to }) => ({
      file: anchorLockFile,
      line: lineOf(from),
      message: `the redirect from ${from} leads to ${to}, which is not a current paragraph anchor`,
    })),
  ];
  return { problems, unlocked };
}
