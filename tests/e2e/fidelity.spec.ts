import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentPath, sourcePath } from '../../src/routes.ts';
import { splitSourceParagraphs } from '../../src/text/paragraphs.ts';
import { expect, fixtureCorpus, test } from './site.ts';

for (const document of fixtureCorpus.model.documents) {
  test(`the rendered text of ${document.slug} is its source, paragraph for paragraph`, async ({ page, site }) => {
    await page.goto(site.href(documentPath(document.slug)));
    const rendered = await page.locator('.para .para-text').evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        for (const reference of copy.querySelectorAll('[data-footnote-ref]')) reference.closest('sup')?.remove();
        return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
      }),
    );
    const source = splitSourceParagraphs(readFileSync(join(site.content.sources, document.meta.source), 'utf8'));
    expect(rendered).toEqual(source.map((paragraph) => paragraph.text));
  });
}

test('debris stays in the text, muted and labelled as not part of the article', async ({ page, site }) => {
  await page.goto(site.href(documentPath('council-answers-questions')));
  const debris = page.locator('.debris');
  await expect(debris).toHaveAttribute('data-pagefind-ignore', '');
  await expect(debris.locator('.debris-label')).toContainText('Not part of the article');
  await expect(debris.locator('#p2 .para-text')).toHaveText('img 1280x720 bridge-quay.jpg');
});

test('each verbatim source is published byte for byte next to its page', async ({ request, site }) => {
  for (const document of fixtureCorpus.model.documents) {
    const response = await request.get(site.href(sourcePath(document.meta.source)));
    expect(response.ok(), document.meta.source).toBe(true);
    expect(Buffer.compare(await response.body(), readFileSync(join(site.content.sources, document.meta.source))), document.meta.source).toBe(0);
  }
});
