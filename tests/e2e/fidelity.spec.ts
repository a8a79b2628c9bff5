import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { documentPath } from '../../src/routes.ts';
import { splitSourceParagraphs } from '../../src/text/paragraphs.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';

const { model } = await loadCorpus(process.cwd());

for (const document of model.documents) {
  test(`the rendered text of ${document.slug} is its source, paragraph for paragraph`, async ({ page }) => {
    await page.goto(documentPath(document.slug));
    const rendered = await page.locator('.para .para-text').evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        for (const reference of copy.querySelectorAll('[data-footnote-ref]')) reference.closest('sup')?.remove();
        return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
      }),
    );
    const source = splitSourceParagraphs(readFileSync(`content/sources/${document.meta.source}`, 'utf8'));
    expect(rendered).toEqual(source.map((paragraph) => paragraph.text));
  });
}

test('debris stays in the text, muted and labelled as not part of the article', async ({ page }) => {
  await page.goto('/documents/us-state-department-reacts/');
  const debris = page.locator('.debris');
  await expect(debris).toHaveAttribute('data-pagefind-ignore', '');
  await expect(debris.locator('.debris-label')).toContainText('Not part of the article');
  await expect(debris.locator('#p2 .para-text')).toHaveText('s8 1280x720 1 1100x620');
});
