/*
 * Stands in for `node-fetch`, which citation-js imports to fetch remote
 * sources we never give it. Both browsers and our Node have fetch built in, and
 * node-fetch itself cannot be bundled for the browser.
 */
export default globalThis.fetch;
export const Headers = globalThis.Headers;
