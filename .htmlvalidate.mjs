// The HTML gate (tests/e2e/gates/html-validity.spec.ts) validates every built page with this configuration.
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // Document titles are the sources' headlines, published whole: shortening them would misquote the source.
    'long-title': 'off',
  },
});
