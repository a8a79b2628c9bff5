/** A button that copies `text()` to the clipboard and says so for two seconds. */
export function copyButton(label: string, accessibleName: string, text: () => string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-quiet copy-button';
  button.textContent = label;
  button.setAttribute('aria-label', accessibleName);
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text());
    button.textContent = 'Copied';
    button.dataset.copied = '';
    window.setTimeout(() => {
      button.textContent = label;
      delete button.dataset.copied;
    }, 2000);
  });
  return button;
}
