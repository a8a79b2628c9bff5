import { describe, expect, it } from 'vitest';
import { describeUnexpectedError, devKeptServing } from '../../../src/node/unexpected-error.ts';

function systemError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: something, scandir '${path}'`), { code, path });
}

describe('describeUnexpectedError', () => {
  it('tells a file-system error as the path it concerns, relative to the project, and what is wrong with it', () => {
    const message = describeUnexpectedError(systemError('ENOTDIR', '/project/content/glossary'), '/project');
    expect(message.split('\n')[0]).toBe('content/glossary: is a file where a folder is expected');
  });

  it('tells any other error as a bug, with its message', () => {
    expect(describeUnexpectedError(new TypeError('x is undefined'), '/project')).toMatch(/^x is undefined \(this looks like a bug in the build/u);
  });

  it('gives no stack trace, only how to ask for one', () => {
    const message = describeUnexpectedError(new Error('boom'), '/project');
    expect(message).not.toMatch(/^\s+at /mu);
    expect(message).toContain('The build stopped');
    expect(message).toContain('--debug');
  });

  it('says, under astro dev, that the server keeps serving the last check and how to ask for the trace there', () => {
    const message = describeUnexpectedError(systemError('EACCES', '/project/content/glossary/a.md'), '/project', devKeptServing);
    expect(message.split('\n')).toEqual(['content/glossary/a.md: cannot be read: permission denied', devKeptServing]);
    expect(message).not.toContain('The build stopped');
    expect(message).toContain('CORPUS_DEBUG=1 npm run dev');
  });
});
