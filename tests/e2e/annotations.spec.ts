import type { Locator } from '@playwright/test';
import { documentPath } from '../../src/routes.ts';
import { expect, fixtureCorpus, test } from './site.ts';

const ledger = documentPath('harbour-bridge-reopens');
const radio = documentPath('council-answers-questions');

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('element has no box');
  return rect;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe('preview cards', () => {
  test('hovering a mention shows the entry card beside it, not over it', async ({ page, site }) => {
    await page.goto(site.href(ledger));
    const mention = page.locator('#p5 a.mention[data-entry="arber-cucaj"]');
    await mention.hover();
    const card = page.locator('#mention-card');
    await expect(card).toBeVisible();
    await expect(card.locator('.mention-card-name')).toHaveText('Arbër Çuçaj');
    await expect(card.locator('.mention-card-type')).toHaveText('Person');
    expect(overlaps(await box(card), await box(mention))).toBe(false);
    await page.mouse.move(5, 5);
    await expect(card).toBeHidden();
  });

  test('focusing a mention by keyboard shows the card, described for screen readers, and Escape dismisses it', async ({ page, site }) => {
    await page.goto(site.href(ledger));
    const mention = page.locator('#p8 a.mention[data-entry="harbour-workers-union"]');
    await mention.focus();
    const card = page.locator('#mention-card');
    await expect(card).toBeVisible();
    await expect(card.locator('.mention-card-name')).toHaveText('Harbour Workers Union');
    await expect(card.locator('.mention-card-type')).toHaveText('Organisation');
    await expect(mention).toHaveAttribute('aria-describedby', 'mention-card');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(mention).toBeFocused();
    await expect(mention).not.toHaveAttribute('aria-describedby');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

    test('the first tap shows the card docked away from the sentence, the second opens the entry', async ({ page, site }) => {
      await page.goto(site.href(ledger));
      const mention = page.locator('#p8 a.mention[data-entry="teuta-rrapaj"]');
      await mention.scrollIntoViewIfNeeded();
      await mention.tap();
      const card = page.locator('#mention-card');
      await expect(card).toBeVisible();
      expect(await card.getAttribute('data-docked')).toMatch(/^(top|bottom)$/u);
      expect(overlaps(await box(card), await box(mention))).toBe(false);
      expect(new URL(page.url()).pathname).toBe(site.href(ledger));
      await mention.tap();
      await expect(page).toHaveURL(site.permanentUrl('/glossary/teuta-rrapaj/'));
    });
  });
});

test.describe('sidenotes', () => {
  test('on a wide screen each note stands in the margin beside its paragraph', async ({ page, site }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(site.href(ledger));
    const paragraph = page.locator('#p8');
    const note = page.locator('#sn-of-of');
    await expect(note).toBeVisible();
    await expect(note).toContainText('[sic] “of of”: a word repeated in the source.');
    const paragraphBox = await box(paragraph);
    const noteBox = await box(note);
    expect(noteBox.x).toBeGreaterThan(paragraphBox.x + paragraphBox.width);
    expect(Math.abs(noteBox.y - paragraphBox.y)).toBeLessThan(paragraphBox.height);
    await expect(page.locator('section.footnotes')).toBeHidden();
  });

  test('at 375 px a note opens in place under its paragraph when its reference is followed, and links back', async ({ page, site }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(site.href(ledger));
    const note = page.locator('#sn-of-of');
    await expect(note).toBeHidden();
    await page.locator('#fnref-of-of').click();
    await expect(note).toBeVisible();
    const paragraphBox = await box(page.locator('#p8'));
    const noteBox = await box(note);
    expect(noteBox.y).toBeGreaterThanOrEqual(paragraphBox.y + paragraphBox.height - 1);
    expect(noteBox.y).toBeLessThan(paragraphBox.y + paragraphBox.height + 60);
    await note.locator('.sidenote-back').click();
    await expect(page).toHaveURL(/#fnref-of-of$/u);
  });

  test('in print the notes become numbered endnotes', async ({ page, site }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.href(radio));
    await expect(page.locator('.sidenotes').first()).toBeHidden();
    const endnotes = page.locator('section.footnotes li');
    await expect(endnotes).toHaveCount(3);
    await expect(endnotes.first()).toBeVisible();
  });
});

test('the comparison page links each account to the paragraphs that make it', async ({ page, site }) => {
  await page.goto(site.href('/compare/two-reports-of-the-reopening/'));
  const cost = page.locator('.comparison-point', { has: page.locator('h2', { hasText: 'The cost' }) });
  await expect(cost.locator('.verdict')).toHaveText('They differ');
  const links = cost.locator('.account-paragraphs a');
  expect(await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')))).toEqual([
    site.href(`${radio}#p4`),
    site.href(`${ledger}#p5`),
    site.href(`${ledger}#p10`),
  ]);
  await links.first().click();
  await expect(page.locator('#p4')).toBeInViewport();
  await expect(page.locator('#p4')).toContainText('the repairs had cost less than the council had feared');
});

test('every glossary entry lists exactly the mentions the documents link to it', async ({ page, request, site }) => {
  const mentionsByEntry = new Map<string, string[]>();
  await page.goto(site.href('/'));
  const documents = await page.locator('.cards a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect([...documents].sort()).toEqual([site.href(ledger), site.href(radio)].sort());
  for (const documentUrl of documents) {
    await page.goto(documentUrl);
    const mentions = await page
      .locator('a.mention')
      .evaluateAll((links) => links.map((link) => ({ entry: link.getAttribute('data-entry') ?? '', paragraph: link.closest('.para')?.id ?? '' })));
    for (const { entry, paragraph } of mentions) mentionsByEntry.set(entry, [...(mentionsByEntry.get(entry) ?? []), `${documentUrl}#${paragraph}`]);
  }
  await page.goto(site.href('/glossary/'));
  const entryUrls = await page.locator('.entry-group .card h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(entryUrls.length).toBe(fixtureCorpus.model.entries.length);
  for (const entryUrl of entryUrls) {
    const id = entryUrl.split('/').at(-2) ?? '';
    await page.goto(entryUrl);
    const listed = await page.locator('.mention-list li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(listed, entryUrl).toEqual(mentionsByEntry.get(id) ?? []);
  }
  expect((await request.get(site.href('/glossary/'))).ok()).toBe(true);
});

test('the glossary index filters as the reader types, ignoring diacritics', async ({ page, site }) => {
  await page.goto(site.href('/glossary/'));
  await page.getByLabel('Filter entries').fill('cucaj');
  await expect(page.locator('.entry-group .card:visible')).toHaveCount(1);
  await expect(page.locator('.entry-group .card:visible h3')).toHaveText('Arbër Çuçaj');
  await expect(page.locator('.filter-status')).toHaveText('1 entry shown.');
  await page.getByLabel('Filter entries').fill('');
  await page.getByLabel('Type').selectOption('place');
  await expect(page.locator('.entry-group:visible h2')).toHaveText(/^Places/u);
});

test('an entry lists its names apart from its descriptions, and only names are alternate names in its JSON-LD', async ({ page, site }) => {
  await page.goto(site.href('/glossary/harbour-bridge/'));
  const definition = (term: string) => page.locator('.document-header dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(definition('Also written')).toHaveText('Portvale Harbour Bridge · Old Bridge');
  await expect(definition('Also referred to as')).toHaveText('bridge · crossing');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd.alternateName).toEqual(['Portvale Harbour Bridge', 'Old Bridge']);
});
