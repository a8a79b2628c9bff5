import { copyButton } from './copy-button.ts';
import { permanentUrl } from './permanent-url.ts';

/**
 * Adds "Copy link" and "Cite" buttons to each numbered paragraph; without
 * JavaScript the ¶ number is itself the permanent link.
 */
export function enableParagraphLinks(): void {
  for (const number of document.querySelectorAll<HTMLAnchorElement>('.para .para-num')) {
    const paragraph = number.closest<HTMLElement>('.para');
    const n = paragraph?.id.replace(/^p/u, '') ?? '';
    const tools = document.createElement('span');
    tools.className = 'para-tools';
    const copy = copyButton('Copy link', `Copy link to paragraph ${n}`, () => permanentUrl(number));
    copy.classList.add('copy-link');
    const cite = document.createElement('button');
    cite.type = 'button';
    cite.className = 'button button-quiet cite-paragraph';
    cite.dataset.cite = n;
    cite.textContent = 'Cite';
    cite.setAttribute('aria-label', `Cite paragraph ${n}`);
    tools.append(copy, cite);
    number.after(tools);
  }
}
