import { documentPath } from '../../src/routes.ts';
import { expect, fixtureCorpus, test } from './site.ts';

const slug = 'harbour-bridge-reopens';
const documentUrl = documentPath(slug);
const corpusDocument = fixtureCorpus.model.documents.find((candidate) => candidate.slug === slug)!;
const apa = 'Marsh, E. (2024, March 12). Harbour bridge reopens after repairs, Portvale council says. The Coastal Ledger.';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the document Cite button opens a dialog with every format, each with a copy button', async ({ page, site }) => {
  await page.goto(site.href(documentUrl));
  await page.getByRole('button', { name: 'Cite this document' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite this document' });
  await expect(dialog).toBeVisible();
  const headings = dialog.locator('.citation-format h3');
  await expect(headings).toHaveText([
    'APA (7th edition)',
    'MLA (9th edition)',
    'Chicago (notes and bibliography)',
    'Harvard (Cite Them Right)',
    'BibTeX',
    'RIS',
    'CSL-JSON',
  ]);
  await expect(dialog.locator('.copy-button')).toHaveCount(7);
  const apaFormat = dialog.locator('.citation-format', { has: page.locator('h3', { hasText: 'APA' }) });
  await expect(apaFormat.locator('.citation-text').first()).toContainText(apa);
  await expect(apaFormat.locator('.citation-text').first()).toContainText(site.permanentUrl(documentUrl));
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@article\{marsh2024Harbour,/u);
});

test('a paragraph is cited by keyboard: Cite opens the dialog for that ¶, Escape closes it and returns focus', async ({ page, site }) => {
  await page.goto(site.href(documentUrl));
  await page.locator('#p7 .para-num').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const cite = page.getByRole('button', { name: 'Cite paragraph 7' });
  await expect(cite).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Cite ¶ 7' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy APA (7th edition)' })).toBeFocused();
  await expect(dialog.locator('.citation-text').first()).toContainText(`[Annotated edition, ¶ 7]`);
  await expect(dialog.locator('.citation-text').first()).toContainText(site.permanentUrl(`${documentUrl}#p7`));
  await expect(dialog.locator('.citation-text').nth(1)).toHaveText('(Marsh, 2024, para. 7)');
  const today = new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  await expect(dialog.locator('.citation-text').first()).toContainText(`Retrieved ${today}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cite).toBeFocused();
});

test('selecting words (across a note reference and a mention) offers a quote link that opens the paragraph with those words marked', async ({ page, site }) => {
  await page.goto(site.href(documentUrl));
  await page.evaluate(() => {
    const text = document.querySelector('#p8 .para-text')!.firstChild!;
    const mention = document.querySelector('#p8 a.mention')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(mention, 'Harbour Workers Union'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const button = page.getByRole('button', { name: 'Copy link to the selected quote' });
  await expect(button).toBeVisible();
  await button.click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(
    site.permanentUrl(`${documentUrl}?highlight=head+of+of+the+Harbour+Workers+Union#p8:~:text=head%20of%20of%20the%20Harbour%20Workers%20Union`),
  );
  await page.goto(link);
  const paragraph = page.locator('#p8');
  await expect(paragraph).toBeInViewport();
  const marks = paragraph.locator('mark.pagefind-highlight');
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join('')).toBe('head of of the Harbour Workers Union');
});

test('a quote across a mention link is marked whole', async ({ page, site }) => {
  await page.goto(site.href(`${documentUrl}?highlight=${encodeURIComponent('Mayor Arber Cucaj told reporters')}#p5`));
  const marks = page.locator('#p5 mark.pagefind-highlight');
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join('')).toBe('Mayor Arber Cucaj told reporters');
});

test('the page carries Highwire, Open Graph and JSON-LD metadata that match the front matter', async ({ page, site }) => {
  await page.goto(site.href(documentUrl));
  const content = (selector: string) => page.locator(selector).getAttribute('content');
  expect(await content('meta[name="citation_title"]')).toBe(corpusDocument.meta.title);
  expect(await page.locator('meta[name="citation_author"]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')))).toEqual(
    corpusDocument.meta.authors,
  );
  expect(await content('meta[name="citation_publication_date"]')).toBe(corpusDocument.meta.published.replaceAll('-', '/'));
  expect(await content('meta[name="citation_journal_title"]')).toBe(corpusDocument.meta.publisher);
  expect(await content('meta[property="og:title"]')).toBe(corpusDocument.meta.title);
  expect(await content('meta[property="og:url"]')).toBe(site.permanentUrl(documentUrl));
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(site.permanentUrl(documentUrl));
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  const [article, edition] = jsonLd['@graph'];
  expect(article).toMatchObject({
    '@type': 'NewsArticle',
    headline: corpusDocument.meta.title,
    datePublished: corpusDocument.meta.published,
    publisher: { '@type': 'Organization', name: corpusDocument.meta.publisher },
    author: corpusDocument.meta.authors.map((name) => ({ '@type': 'Person', name })),
  });
  expect(edition).toMatchObject({ '@type': 'WebPage', url: site.permanentUrl(documentUrl), isBasedOn: { '@id': article['@id'] } });
});

test('a glossary page carries JSON-LD for its entity with its Wikidata sameAs', async ({ page, site }) => {
  await page.goto(site.href('/glossary/albania/'));
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'Place', name: 'Albania', '@id': site.permanentUrl('/glossary/albania/') });
  expect(jsonLd.sameAs).toContain('https://www.wikidata.org/wiki/Q222');
});

test('printing gives the text, numbered, with endnotes, the permanent URL and a citation, and no interface', async ({ page, site }) => {
  await page.goto(site.href(documentUrl));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.document-actions')).toBeHidden();
  await expect(page.locator('.para-tools').first()).toBeHidden();
  await expect(page.locator('#p7 .para-num')).toBeVisible();
  await expect(page.locator('section.footnotes')).toBeVisible();
  await expect(page.locator('.how-to-cite .print-only')).toHaveText(`Permanent address of this page: ${site.permanentUrl(documentUrl)}`);
  await expect(page.locator('.how-to-cite')).toContainText('Marsh, E. (2024, March 12).');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the document citation is on the page and the Cite buttons are hidden', async ({ page, site }) => {
    await page.goto(site.href(documentUrl));
    await expect(page.locator('.how-to-cite')).toContainText(apa);
    await expect(page.locator('.how-to-cite')).toContainText(site.permanentUrl(documentUrl));
    await expect(page.getByRole('button', { name: 'Cite this document' })).toBeHidden();
  });
});
