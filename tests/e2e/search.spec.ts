import { expect, test, type Page } from '@playwright/test';

const balkanInsight = '/documents/mek-has-not-respected-the-2014-agreement/';
const a2 = '/documents/us-state-department-reacts/';

async function search(page: Page, query: string) {
  await page.goto('/search/');
  await page.getByLabel('Search the documents and the glossary').fill(query);
  await expect(page.locator('#search-status')).toContainText(query.replaceAll('"', '') ? 'for' : '');
}

async function resultLinks(page: Page) {
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
  return page.locator('#search-results .search-result > a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

test('a name finds its glossary entry first, then the paragraphs that mention it', async ({ page }) => {
  await search(page, 'Rrumbullaku');
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results for “Rrumbullaku”\.$/u);
  const links = await resultLinks(page);
  expect(links[0]).toBe('/glossary/muhamet-rrumbullaku/?highlight=Rrumbullaku');
  expect(links.slice(1, 3).sort()).toEqual([`${a2}?highlight=Rrumbullaku#p8`, `${balkanInsight}?highlight=Rrumbullaku#p8`].sort());
  const first = page.locator('#search-results .search-result').nth(1);
  await expect(first.locator('.result-paragraph')).toHaveText(' ¶ 8');
  await expect(first.locator('.result-excerpt mark').first()).toHaveText(/Rrumbullaku/u);
});

test('a name without diacritics finds it written with them, and the reverse', async ({ page }) => {
  for (const query of ['Cuci', 'Çuçi']) {
    await search(page, query);
    await expect(page.locator('#search-status')).toHaveText(/results for/u);
    const links = (await resultLinks(page)).map((link) => link.replace(/\?[^#]*/u, ''));
    expect(links, query).toEqual(expect.arrayContaining(['/glossary/bledi-cuci/', `${a2}#p10`, `${a2}#p11`, `${balkanInsight}#p5`, `${balkanInsight}#p6`]));
  }
});

test('an acronym and a full name both find the entity', async ({ page }) => {
  for (const query of ['PMOI', 'Mojahedin', 'Mujahedin-e-Khalq']) {
    await search(page, query);
    const links = (await resultLinks(page)).map((link) => link.replace(/\?[^#]*/u, ''));
    expect(links[0], query).toBe('/glossary/mek/');
  }
});

test('a quoted phrase finds the paragraph with those words in that order, and following it lands on the marked words', async ({ page }) => {
  await search(page, '"head of of"');
  await expect(page.locator('#search-status')).toHaveText('1 result for “"head of of"”.');
  await page.locator('#search-results a').first().click();
  await expect(page).toHaveURL(`${balkanInsight}?highlight=head+of+of#p8`);
  const paragraph = page.locator('#p8');
  await expect(paragraph).toBeInViewport();
  await expect(paragraph.locator('mark.pagefind-highlight').first()).toHaveText('head of of');
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p8');
});

test('a query that finds nothing says so and suggests entries with close names', async ({ page }) => {
  await search(page, 'Rrumbulaku');
  await expect(page.locator('#search-status')).toHaveText('No results for “Rrumbulaku”.');
  await expect(page.locator('#search-suggestions a')).toHaveText(['Muhamet Rrumbullaku']);
});

test('filters narrow the results and show counts; the URL keeps query and filters', async ({ page }) => {
  await search(page, 'police');
  const outlet = page.getByRole('checkbox', { name: /^A2 CNN/u });
  await expect(page.locator('fieldset', { hasText: 'Outlet' }).locator('label', { hasText: 'A2 CNN' }).locator('.filter-count')).toHaveText(/^\(\d+\)$/u);
  await outlet.check();
  await expect(page).toHaveURL(/[?&]outlet=A2\+CNN/u);
  await expect(page.locator('#search-status')).toHaveText(/results?( so far)? for “police”/u);
  const links = await resultLinks(page);
  expect(links.length).toBeGreaterThan(2);
  for (const link of links) expect(link.startsWith(a2)).toBe(true);

  await page.goto(page.url());
  await expect(page.getByLabel('Search the documents and the glossary')).toHaveValue('police');
  await expect(page.getByRole('checkbox', { name: /^A2 CNN/u })).toBeChecked();
  expect(await resultLinks(page)).toEqual(links);
});

test('the entity-type filter keeps only paragraphs that mention an entity of that type', async ({ page, request }) => {
  const typeOf = new Map(((await (await request.get('/glossary/names.json')).json()) as { id: string; type: string }[]).map((entry) => [entry.id, entry.type]));
  await page.goto('/search/?q=police');
  await expect(page.locator('#search-status')).toHaveText(/results?( so far)? for “police”/u);
  const unfiltered = (await resultLinks(page)).filter((link) => link.startsWith('/documents/'));
  await page.goto('/search/?q=police&type=People');
  await expect(page.locator('#search-status')).toHaveText(/results?( so far)? for “police”/u);
  const links = (await resultLinks(page)).map((link) => link.replace(/\?[^#]*/u, '')).filter((link) => link.startsWith('/documents/'));
  expect(links).toEqual(expect.arrayContaining([`${balkanInsight}#p8`, `${a2}#p8`]));
  expect(links.length).toBeLessThan(unfiltered.length);
  for (const link of links) {
    await page.goto(link);
    const entries = await page.locator(`#${link.split('#')[1]} a.mention`).evaluateAll((mentions) => mentions.map((mention) => mention.getAttribute('data-entry') ?? ''));
    expect(entries.map((entry) => typeOf.get(entry)), link).toContain('Person');
  }
});

test('debris and page furniture are not indexed', async ({ page }) => {
  await search(page, 'Solullari');
  const links = (await resultLinks(page)).map((link) => link.replace(/\?[^#]*/u, ''));
  expect(links.every((link) => link.startsWith('/glossary/'))).toBe(true);
  await search(page, '"Related posts"');
  expect((await resultLinks(page)).filter((link) => link.startsWith('/documents/'))).toEqual([]);
  await search(page, 'Skip');
  expect((await resultLinks(page)).filter((link) => link.startsWith('/documents/'))).toEqual([]);
});

test('markup typed as a query stays text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await search(page, '<img src=x onerror=alert(1)>');
  await expect(page.locator('#search-status')).toContainText('for “<img src=x onerror=alert(1)>”.');
  await resultLinks(page);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('/ and Ctrl+K jump to the search box from any page, and Enter opens the results', async ({ page }) => {
  await page.goto(balkanInsight);
  await page.keyboard.press('/');
  await expect(page.locator('#site-search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+k');
  await expect(page.locator('#site-search-input')).toBeFocused();
  await page.keyboard.type('Tirana');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/search/?q=Tirana');
  await expect(page.locator('#search-status')).toHaveText(/results? for “Tirana”/u);
  await page.keyboard.press('/');
  await expect(page.locator('#search-status')).toBeVisible();
});

test('results are reachable by keyboard and announced', async ({ page }) => {
  await search(page, 'Manez');
  await expect(page.locator('#search-status')).toHaveAttribute('role', 'status');
  await page.getByLabel('Search the documents and the glossary').focus();
  let reachedResult = false;
  for (let step = 0; step < 40 && !reachedResult; step += 1) {
    await page.keyboard.press('Tab');
    reachedResult = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
  }
  expect(reachedResult).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/highlight=Manez/u);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the glossary', async ({ page }) => {
    await page.goto('/search/?q=Cuci');
    await expect(page.locator('.search-needs-js')).toBeVisible();
    await expect(page.locator('.search-needs-js a[href="/glossary/"]')).toBeVisible();
    await expect(page.locator('#search-form')).toBeHidden();
  });
});
