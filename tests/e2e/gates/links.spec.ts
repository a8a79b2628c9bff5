import { existsSync, readFileSync } from 'node:fs';
import { check, LinkState } from 'linkinator';
import type { AnchorLock } from '../../../src/corpus/anchors.ts';
import { expect, test } from '../site.ts';

/**
 * Crawls a site from `root` (a served URL, or a folder linkinator serves
 * itself), fragments included. Links to other hosts are not ours
 * to check here; a link on this host outside the base path is, and the
 * server answers it 404.
 */
async function crawl(root: string): Promise<{ broken: string[]; checked: number }> {
  const result = await check({
    path: root,
    recurse: true,
    checkFragments: true,
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/u.test(link),
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => `${link.url} (from ${link.parent ?? '?'}, ${link.status ?? 'no status'})`);
  return { broken, checked: result.links.filter((link) => link.state === LinkState.OK).length };
}

test('every link and #anchor on every page of the site resolves', async ({ site }) => {
  test.setTimeout(180_000);
  const { broken, checked } = await crawl(site.url);
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(site.pages().length);
});

test('every URL in the anchor lock still resolves, directly or through its recorded redirect', async ({ site }) => {
  const lock = JSON.parse(readFileSync(site.content.anchorLock, 'utf8')) as AnchorLock;
  const unresolved = lock.anchors.filter((url) => {
    const [path = '', fragment = ''] = (lock.redirects[url] ?? url).split('#');
    const file = site.file(path);
    return !existsSync(file) || (fragment !== '' && !readFileSync(file, 'utf8').includes(` id="${fragment}"`));
  });
  expect(Object.keys(lock.redirects).length).toBeGreaterThan(0);
  expect(unresolved).toEqual([]);
});

test('the gate fails on a site with a missing page and a missing anchor', async ({ site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  const { broken } = await crawl('tests/fixtures/gates/broken-site');
  expect(broken.some((link) => link.includes('/documents/missing/'))).toBe(true);
  expect(broken.some((link) => link.includes('#p9'))).toBe(true);
  expect(broken.some((link) => link.includes('#p2'))).toBe(false);
});
