/** `/` or Ctrl/Cmd+K jumps to search from any page, unless the reader is typing somewhere. */
export function enableSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing;
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !commandK) return;
    const box = document.querySelector<HTMLInputElement>('#search-input:not([hidden] *)') ?? document.querySelector<HTMLInputElement>('#site-search-input');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
