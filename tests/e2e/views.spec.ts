import type { Page } from '@playwright/test';
import { mapPath, networkPath, timelinePath } from '../../src/routes.ts';
import { expect, test } from './site.ts';

/**
 * The views lead to the paragraphs behind what they show: a timeline item to
 * the paragraphs that tell it, a place on the map to its entry and its
 * mentions, a tie of the network to the paragraphs that mention both
 * entries. What to follow is read from the built page, so the spec holds for
 * any corpus; a corpus with no place with coordinates has no map to follow.
 */

/** Follows a link to a paragraph and checks that it is the paragraph the URL names, highlighted as the target. */
async function followToParagraph(page: Page, link: ReturnType<Page['locator']>): Promise<ReturnType<Page['locator']>> {
  const href = (await link.getAttribute('href')) ?? '';
  const anchor = href.split('#')[1] ?? '';
  expect(anchor).toMatch(/^p\d+$/u);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`, 'u'));
  const paragraph = page.locator(`[id="${anchor}"]`);
  await expect(paragraph).toBeVisible();
  return paragraph;
}

test('a timeline item leads to the paragraphs that tell it', async ({ page, site }) => {
  await page.goto(site.href(timelinePath()));
  const item = page.locator('.timeline-item[data-kind="event"]:has(.told-in a), .timeline-item[data-kind="claim"]:has(.told-in a)').first();
  await expect(item).toBeVisible();
  await expect(item.locator('time').first()).toHaveAttribute('datetime', /^\d{4}(-\d{2}){0,2}$/u);
  const kind = await item.getAttribute('data-kind');
  const target = await item.locator('h3 a').getAttribute('href');
  const paragraph = await followToParagraph(page, item.locator('.told-in a').first());
  // An event's paragraphs mention its entry; a claim's report it, and the document marks the claim beside them.
  if (kind === 'event') await expect(paragraph.locator(`a.mention[href="${target}"]`).first()).toBeVisible();
  else await expect(page.locator(`.claim-marker a[href="${target}"]`).first()).toBeAttached();
});

test('a place on the map leads to its entry and the paragraphs that mention it', async ({ page, site }) => {
  await page.goto(site.href(mapPath));
  const places = page.locator('svg a.map-place');
  test.skip((await places.count()) === 0, 'this corpus has no place with coordinates');
  const place = places.first();
  const entry = (await place.getAttribute('href')) ?? '';
  await place.click();
  await expect(page).toHaveURL(new RegExp(`${entry}$`, 'u'));
  await expect(page.locator('h1')).toBeVisible();
  const mention = page.locator('.mention-list a[href*="#p"]').first();
  const paragraph = await followToParagraph(page, mention);
  await expect(paragraph.locator(`a.mention[href="${entry}"]`).first()).toBeVisible();
});

test('a tie of the network leads to the paragraphs that mention both entries', async ({ page, site }) => {
  await page.goto(site.href(networkPath));
  await expect(page.locator('svg a.network-node').first()).toBeVisible();
  const tie = page.locator('#ties-heading ~ .table-scroll tbody tr').first();
  const [first, second] = await tie.locator('th a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const paragraph = await followToParagraph(page, tie.locator('td .told-in a').first());
  await expect(paragraph.locator(`a.mention[href="${first}"]`).first()).toBeVisible();
  await expect(paragraph.locator(`a.mention[href="${second}"]`).first()).toBeVisible();
});

test('the timeline narrows by type with JavaScript', async ({ page, site }) => {
  await page.goto(site.href(timelinePath()));
  const filter = page.getByRole('search', { name: 'Filter the timeline' });
  await expect(filter).toBeVisible();
  await filter.getByLabel('Type').selectOption('publication');
  await expect(page.locator('.timeline-item:visible').first()).toBeVisible();
  const kinds = await page.locator('.timeline-item:visible').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['publication']));
  await expect(filter.getByRole('status')).toContainText('shown on this page');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every item of the timeline, place of the map and node of the network is there, and the filters stay hidden', async ({ page, site }) => {
    await page.goto(site.href(timelinePath()));
    const items = page.locator('.timeline-item');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline-item:visible').count()).toBe(await items.count());
    await expect(page.locator('.timeline-filter')).toBeHidden();
    await page.goto(site.href(mapPath));
    expect(await page.locator('svg a.map-place').count()).toBeLessThanOrEqual(await page.locator('.view-table tbody tr').count());
    await page.goto(site.href(networkPath));
    expect(await page.locator('svg a.network-node').count()).toBeGreaterThan(0);
  });
});
