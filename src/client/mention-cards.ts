import type { PreviewCard } from '../site/cards.ts';

const showDelay = 120;
const hideDelay = 250;
const gap = 8;

/**
 * Preview cards for mentions: hovering or focusing a mention shows the entry's
 * name, type and summary beside it. Escape dismisses the card. On touch, the
 * first tap shows the card and a second tap follows the link. Without this
 * script a mention is simply a link to its entry.
 */
export function enableMentionCards(): void {
  const data = document.getElementById('mention-cards')?.textContent;
  if (!data) return;
  const cards = JSON.parse(data) as Record<string, PreviewCard>;

  const card = document.createElement('div');
  card.id = 'mention-card';
  card.className = 'mention-card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);

  let current: HTMLAnchorElement | null = null;
  let timer: number | undefined;
  let lastPointer = 'mouse';
  /** Whether the card of the mention being tapped was already open when the tap began (focus opens it mid-tap). */
  let openBeforeTap = false;

  const schedule = (action: () => void, delay: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, delay);
  };

  const hide = () => {
    window.clearTimeout(timer);
    current?.removeAttribute('aria-describedby');
    current = null;
    card.hidden = true;
  };

  const show = (link: HTMLAnchorElement) => {
    const entry = cards[link.dataset.entry ?? ''];
    if (!entry) return;
    window.clearTimeout(timer);
    current?.removeAttribute('aria-describedby');
    current = link;
    card.replaceChildren(
      element('p', 'mention-card-type', entry.type),
      element('p', 'mention-card-name', entry.name),
      element('p', 'mention-card-summary', entry.summary),
      element(
        'p',
        'mention-card-hint',
        lastPointer === 'touch' ? 'Tap the name again to open the entry.' : 'Follow the link for the full entry and every mention.',
      ),
    );
    card.hidden = false;
    link.setAttribute('aria-describedby', card.id);
    place(card, link);
  };

  const mentionOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>('a.mention[data-entry]') : null);

  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
    const link = mentionOf(event.target);
    openBeforeTap = link !== null && link === current && !card.hidden;
  });
  document.addEventListener('mouseover', (event) => {
    const link = mentionOf(event.target);
    if (link) schedule(() => show(link), showDelay);
    else if (card.contains(event.target as Node)) window.clearTimeout(timer);
  });
  document.addEventListener('mouseout', (event) => {
    if (mentionOf(event.target) || card.contains(event.target as Node)) schedule(hide, hideDelay);
  });
  document.addEventListener('focusin', (event) => {
    const link = mentionOf(event.target);
    if (link) show(link);
  });
  document.addEventListener('focusout', (event) => {
    if (mentionOf(event.target)) hide();
  });
  document.addEventListener('click', (event) => {
    const link = mentionOf(event.target);
    if (link && lastPointer === 'touch' && !openBeforeTap) {
      event.preventDefault();
      show(link);
    } else if (!link && !card.contains(event.target as Node)) {
      hide();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !card.hidden) hide();
  });
  window.addEventListener('resize', () => current && place(card, current));
}

function element(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/**
 * Beside the mention, never over it: below the line if there is room, else
 * above. On a phone the card docks to the screen edge farther from the mention,
 * so the sentence being read stays visible.
 */
function place(card: HTMLElement, link: HTMLElement): void {
  const rect = link.getBoundingClientRect();
  if (window.matchMedia('(max-width: 40rem)').matches) {
    card.dataset.docked = rect.top + rect.height / 2 < window.innerHeight / 2 ? 'bottom' : 'top';
    card.style.left = card.style.top = '';
    return;
  }
  delete card.dataset.docked;
  const width = card.offsetWidth;
  const height = card.offsetHeight;
  const left = Math.min(Math.max(gap, rect.left), window.innerWidth - width - gap);
  const below = rect.bottom + gap;
  const top = below + height <= window.innerHeight || rect.top - gap - height < 0 ? below : rect.top - gap - height;
  card.style.left = `${left + window.scrollX}px`;
  card.style.top = `${top + window.scrollY}px`;
}
