import { defineConfig } from 'vitest/config';

/**
 * Three layers, each runnable alone (`vitest run --project <name>`):
 *
 * - unit: pure and fast, mirroring src/; no child processes, builds or network.
 * - integration: real commands and builds (the broken corpora, the escaping
 *   build, the benchmark's quick mode, ingest).
 * - content: the published corpus in content/ itself.
 *
 * No test asserts a duration, and a timeout is one (Vitest fails even a
 * synchronous test that outlasts it): the layers' timeouts only catch hangs,
 * so that a busy machine gives the same answers as an idle one.
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
          // Every core (Vitest leaves one free by default, which on 2 cores is half the machine).
          maxWorkers: '100%',
          // Only to catch a hang: a thousand times the slowest test on an idle machine.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // The work is in child processes (builds, a browser): let test files wait on theirs side by side.
          maxWorkers: 3,
          // No limit: how long real builds take beside a browser depends on the machine's load alone
          // (15 minutes did not suffice at a load of 50 on 2 cores); a hang meets CI's job limit.
          testTimeout: 0,
          hookTimeout: 0,
        },
      },
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          // Only to catch a hang: over a hundred times the slowest test on an idle machine.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
