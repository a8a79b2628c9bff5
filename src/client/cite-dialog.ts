import type { CitationContext, CitationSubject, ClaimSubject } from '../site/citation.ts';
import { copyButton } from './copy-button.ts';

/** What the page says it is about (src/components/CiteDialog.astro): a document, or a claim of the register. */
type CitationData = { siteUrl: string; siteName: string } & (
  | { kind: 'document'; slug: string; meta: CitationSubject['meta'] }
  | { kind: 'claim'; claim: ClaimSubject }
);

/**
 * The Cite dialog, for the document (header button) or a paragraph (its
 * Cite button). The citation library loads only when a reader first asks for
 * a citation, and formats with today's date as the access date.
 */
export function enableCiteDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>('#cite-dialog');
  const body = document.querySelector<HTMLElement>('#cite-dialog-body');
  const title = document.querySelector<HTMLElement>('#cite-dialog-title');
  const data = document.getElementById('citation-data')?.textContent;
  if (!dialog || !body || !title || !data) return;
  const citation = JSON.parse(data) as CitationData;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-cite]')) button.hidden = false;

  document.addEventListener('click', async (event) => {
    const opener = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-cite]') : null;
    if (!opener) return;
    const paragraph = opener.dataset.cite ? Number(opener.dataset.cite) : undefined;
    title.textContent = citation.kind === 'claim' ? 'Cite this claim' : paragraph ? `Cite ¶ ${paragraph}` : 'Cite this document';
    body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Preparing citations…' }));
    dialog.showModal();
    const { citationStyles, formatCitations, formatClaimCitations } = await import('../site/citation.ts');
    const context: CitationContext = { siteUrl: citation.siteUrl, siteName: citation.siteName, accessed: new Date() };
    const citations =
      citation.kind === 'claim'
        ? formatClaimCitations(citation.claim, context)
        : formatCitations({ slug: citation.slug, meta: citation.meta, paragraph }, context);
    const sections = Object.entries(citationStyles).map(([style, { label, inText }]) => {
      const { article, edition, inText: inTextCitation } = citations.styles[style as keyof typeof citationStyles];
      // A claim's page is one reference; a document's citation names the original article, then the edition.
      const reference = [article, edition].filter(Boolean).join('\n');
      return section(label, [paragraphOf('Reference', reference), paragraphOf(inText, inTextCitation)], reference);
    });
    const machine = [
      ['BibTeX', citations.bibtex],
      ['RIS', citations.ris],
      ['CSL-JSON', citations.cslJson],
    ].map(([label = '', text = '']) => section(label, [preformatted(text)], text));
    body.replaceChildren(...sections, ...machine);
    body.querySelector<HTMLButtonElement>('.copy-button')?.focus();
  });
}

function section(label: string, content: HTMLElement[], copyText: string): HTMLElement {
  const element = document.createElement('section');
  element.className = 'citation-format';
  const heading = document.createElement('h3');
  heading.textContent = label;
  element.append(
    heading,
    ...content,
    copyButton('Copy', `Copy ${label}`, () => copyText),
  );
  return element;
}

function paragraphOf(label: string, text: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'citation-part';
  const name = document.createElement('p');
  name.className = 'citation-label';
  name.textContent = label;
  const value = document.createElement('p');
  value.className = 'citation-text';
  value.textContent = text;
  element.append(name, value);
  return element;
}

function preformatted(text: string): HTMLElement {
  const element = document.createElement('pre');
  element.className = 'citation-code';
  element.tabIndex = 0;
  element.textContent = text;
  return element;
}
