import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../../src/node/worker-pool.ts';

describe('workerCount', () => {
  it('is one thread per core by default', () => {
    expect(workerCount({})).toBe(availableParallelism());
  });

  it('is CORPUS_WORKERS where set', () => {
    expect(workerCount({ CORPUS_WORKERS: '1' })).toBe(1);
    expect(workerCount({ CORPUS_WORKERS: '3' })).toBe(3);
  });

  it('ignores a CORPUS_WORKERS that is no positive whole number', () => {
    expect(workerCount({ CORPUS_WORKERS: '0' })).toBe(availableParallelism());
    expect(workerCount({ CORPUS_WORKERS: 'many' })).toBe(availableParallelism());
  });
});
