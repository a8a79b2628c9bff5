import { defineConfig } from 'vitest/config';

/**
 * Three layers, each runnable alone (`vitest run --project <name>`):
 *
 * - unit: pure and fast, mirroring src/; no child processes, builds or network.
 * - integration: real commands and builds (the broken corpora, the escaping
 *   build, the benchmark's quick mode, ingest).
 * - content: the published corpus in content/ itself.
 *
 * No test asserts a duration, and timeouts are generous, so that a busy
 * machine gives the same answers as an idle one.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure tests share no mutable state, so the files share one module graph: half the work of isolating each.
          isolate: false,
          // Only a hang should fail on time; a loaded machine must not.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // The work is in child processes (builds, a browser): let test files wait on theirs side by side.
          maxWorkers: 3,
          // Real builds, several at once beside a browser, on a machine that may be busy.
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
