import { quoteUrl } from '../site/quote-link.ts';
import { copyButton } from './copy-button.ts';
import { permanentUrl } from './permanent-url.ts';

/**
 * Selecting words inside one paragraph offers "Copy link to quote": a URL
 * that opens the page at that paragraph with the words highlighted.
 */
export function enableQuoteLinks(): void {
  let button: HTMLButtonElement | null = null;
  let link = '';

  const remove = () => {
    button?.remove();
    button = null;
  };

  const update = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      if (!button?.matches(':focus')) remove();
      return;
    }
    const range = selection.getRangeAt(0);
    const paragraph = paragraphOf(range.startContainer);
    if (!paragraph || paragraph !== paragraphOf(range.endContainer)) return remove();
    const quote = quotedText(range);
    if (!quote) return remove();
    const anchor = paragraph.querySelector<HTMLAnchorElement>('.para-num');
    if (!anchor) return remove();
    link = quoteUrl(permanentUrl(anchor), quote);
    if (!button) {
      button = copyButton('Copy link to quote', 'Copy link to the selected quote', () => link);
      button.classList.add('quote-link');
      button.addEventListener('click', () => window.setTimeout(remove, 2000));
    }
    paragraph.append(button);
  };

  document.addEventListener('selectionchange', () => window.requestAnimationFrame(update));
}

function paragraphOf(node: Node): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>('.para') ?? null;
}

/** The selected source words, without ¶ numbers, note references or buttons. */
function quotedText(range: Range): string {
  const copy = range.cloneContents();
  for (const element of copy.querySelectorAll('.para-num, sup, button')) element.remove();
  return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
