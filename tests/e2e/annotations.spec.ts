import { expect, test, type Locator } from '@playwright/test';

const balkanInsight = '/documents/mek-has-not-respected-the-2014-agreement/';
const a2 = '/documents/us-state-department-reacts/';

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('element has no box');
  return rect;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe('preview cards', () => {
  test('hovering a mention shows the entry card beside it, not over it', async ({ page }) => {
    await page.goto(balkanInsight);
    const mention = page.locator('#p5 a.mention[data-entry="bledi-cuci"]');
    await mention.hover();
    const card = page.locator('#mention-card');
    await expect(card).toBeVisible();
    await expect(card.locator('.mention-card-name')).toHaveText('Bledi Çuçi');
    await expect(card.locator('.mention-card-type')).toHaveText('Person');
    expect(overlaps(await box(card), await box(mention))).toBe(false);
    await page.mouse.move(5, 5);
    await expect(card).toBeHidden();
  });

  test('focusing a mention by keyboard shows the card, described for screen readers, and Escape dismisses it', async ({ page }) => {
    await page.goto(balkanInsight);
    const mention = page.locator('#p9 a.mention[data-entry="ncri"]');
    await mention.focus();
    const card = page.locator('#mention-card');
    await expect(card).toBeVisible();
    await expect(card.locator('.mention-card-name')).toHaveText('National Council of Resistance of Iran');
    await expect(mention).toHaveAttribute('aria-describedby', 'mention-card');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(mention).toBeFocused();
    await expect(mention).not.toHaveAttribute('aria-describedby');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

    test('the first tap shows the card docked away from the sentence, the second opens the entry', async ({ page }) => {
      await page.goto(balkanInsight);
      const mention = page.locator('#p8 a.mention[data-entry="muhamet-rrumbullaku"]');
      await mention.scrollIntoViewIfNeeded();
      await mention.tap();
      const card = page.locator('#mention-card');
      await expect(card).toBeVisible();
      expect(await card.getAttribute('data-docked')).toMatch(/^(top|bottom)$/u);
      expect(overlaps(await box(card), await box(mention))).toBe(false);
      expect(new URL(page.url()).pathname).toBe(balkanInsight);
      await mention.tap();
      await expect(page).toHaveURL(/\/glossary\/muhamet-rrumbullaku\/$/u);
    });
  });
});

test.describe('sidenotes', () => {
  test('on a wide screen each note stands in the margin beside its paragraph', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(balkanInsight);
    const paragraph = page.locator('#p7');
    const note = page.locator('#sn-she');
    await expect(note).toBeVisible();
    await expect(note).toContainText('Bledi Çuçi is a man');
    const paragraphBox = await box(paragraph);
    const noteBox = await box(note);
    expect(noteBox.x).toBeGreaterThan(paragraphBox.x + paragraphBox.width);
    expect(Math.abs(noteBox.y - paragraphBox.y)).toBeLessThan(paragraphBox.height);
    await expect(page.locator('section.footnotes')).toBeHidden();
  });

  test('at 375 px a note opens in place under its paragraph when its reference is followed, and links back', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(balkanInsight);
    const note = page.locator('#sn-she');
    await expect(note).toBeHidden();
    await page.locator('#fnref-she').click();
    await expect(note).toBeVisible();
    const paragraphBox = await box(page.locator('#p7'));
    const noteBox = await box(note);
    expect(noteBox.y).toBeGreaterThanOrEqual(paragraphBox.y + paragraphBox.height - 1);
    expect(noteBox.y).toBeLessThan(paragraphBox.y + paragraphBox.height + 60);
    await note.locator('.sidenote-back').click();
    await expect(page).toHaveURL(/#fnref-she$/u);
  });

  test('in print the notes become numbered endnotes', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(a2);
    await expect(page.locator('.sidenotes').first()).toBeHidden();
    const endnotes = page.locator('section.footnotes li');
    await expect(endnotes).toHaveCount(11);
    await expect(endnotes.first()).toBeVisible();
  });
});

test('the comparison page links each account to the paragraphs that make it', async ({ page }) => {
  await page.goto('/compare/two-reports-of-the-raid/');
  const death = page.locator('.comparison-point', { has: page.locator('h2', { hasText: 'The death' }) });
  await expect(death.locator('.verdict')).toHaveText('They differ');
  const links = death.locator('.account-paragraphs a');
  expect(await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')))).toEqual([
    `${a2}#p10`,
    `${balkanInsight}#p2`,
    `${balkanInsight}#p4`,
    `${balkanInsight}#p6`,
    `${balkanInsight}#p7`,
    `${balkanInsight}#p9`,
    `${balkanInsight}#p10`,
  ]);
  await links.first().click();
  await expect(page.locator('#p10')).toBeInViewport();
  await expect(page.locator('#p10')).toContainText('Bledi Çuçi clarified that it was unrelated to the police actions');
});

test('every glossary entry lists exactly the mentions the documents link to it', async ({ page, request }) => {
  const mentionsByEntry = new Map<string, string[]>();
  await page.goto('/');
  const documents = await page.locator('.cards a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(documents.sort()).toEqual([balkanInsight, a2].sort());
  for (const documentUrl of documents) {
    await page.goto(documentUrl);
    const mentions = await page.locator('a.mention').evaluateAll((links) =>
      links.map((link) => ({ entry: link.getAttribute('data-entry') ?? '', paragraph: link.closest('.para')?.id ?? '' })),
    );
    for (const { entry, paragraph } of mentions) mentionsByEntry.set(entry, [...(mentionsByEntry.get(entry) ?? []), `${documentUrl}#${paragraph}`]);
  }
  await page.goto('/glossary/');
  const entryUrls = await page.locator('.entry-group .card h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(entryUrls.length).toBeGreaterThan(30);
  for (const entryUrl of entryUrls) {
    const id = entryUrl.split('/').at(-2) ?? '';
    await page.goto(entryUrl);
    const listed = await page.locator('.mention-list li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(listed, entryUrl).toEqual(mentionsByEntry.get(id) ?? []);
  }
  expect((await request.get('/glossary/')).ok()).toBe(true);
});

test('the glossary index filters as the reader types, ignoring diacritics', async ({ page }) => {
  await page.goto('/glossary/');
  await page.getByLabel('Filter entries').fill('cuci');
  await expect(page.locator('.entry-group .card:visible')).toHaveCount(1);
  await expect(page.locator('.entry-group .card:visible h3')).toHaveText('Bledi Çuçi');
  await expect(page.locator('.filter-status')).toHaveText('1 entry shown.');
  await page.getByLabel('Filter entries').fill('');
  await page.getByLabel('Type').selectOption('place');
  await expect(page.locator('.entry-group:visible h2')).toHaveText(/^Places/u);
});

test('an entry lists its names apart from its descriptions, and only names are alternate names in its JSON-LD', async ({ page }) => {
  await page.goto('/glossary/ashraf-3/');
  const definition = (term: string) => page.locator('.document-header dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(definition('Also written')).toContainText('Camp Ashraf 3');
  await expect(definition('Also written')).not.toContainText('compound');
  await expect(definition('Also referred to as')).toHaveText('camp · compound');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd.alternateName).toContain('Camp Ashraf 3');
  expect(jsonLd.alternateName).not.toContain('compound');
});
