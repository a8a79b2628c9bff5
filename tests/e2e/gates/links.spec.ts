import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { check, LinkState } from 'linkinator';
import { readAnchorLock } from '../../../src/node/anchor-lock.ts';
import { siteUrl } from '../../../src/config.ts';
import { builtPages } from '../site.ts';

/**
 * Crawls a built site from its root with linkinator, fragments included.
 * Absolute links to the public address (canonical, Open Graph) are checked
 * against the build; other hosts are not ours to check here.
 */
async function crawl(root: string, port: number): Promise<{ broken: string[]; checked: number }> {
  const escaped = new URL(siteUrl).origin.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const result = await check({
    path: root,
    port,
    recurse: true,
    checkFragments: true,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escaped}`, 'u'), replacement: `http://localhost:${port}` }],
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/u.test(link),
  });
  const broken = result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => `${link.url} (from ${link.parent ?? '?'}, ${link.status ?? 'no status'})`);
  return { broken, checked: result.links.filter((link) => link.state === LinkState.OK).length };
}

test('every internal link and #anchor on every built page resolves', async () => {
  test.setTimeout(120_000);
  const { broken, checked } = await crawl('dist', 5391);
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(builtPages().length);
});

test('every URL in the anchor lock still resolves, directly or through its recorded redirect', async () => {
  const { lock } = await readAnchorLock(process.cwd());
  const unresolved = lock.anchors.filter((url) => {
    const target = lock.redirects[url] ?? url;
    const [path = '', fragment = ''] = target.split('#');
    const file = `dist${path}index.html`;
    return !existsSync(file) || (fragment !== '' && !readFileSync(file, 'utf8').includes(` id="${fragment}"`));
  });
  expect(lock.anchors.length).toBeGreaterThan(0);
  expect(unresolved).toEqual([]);
});

test('the gate fails on a site with a missing page and a missing anchor', async () => {
  const { broken } = await crawl('tests/fixtures/gates/broken-site', 5392);
  expect(broken.some((link) => link.includes('/documents/missing/'))).toBe(true);
  expect(broken.some((link) => link.includes('#p9'))).toBe(true);
  expect(broken.some((link) => link.includes('#p2'))).toBe(false);
});
