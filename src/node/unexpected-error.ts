import { relative } from 'node:path';

/** What the file system's errors mean for an editor, by Node's error code. */
const fileErrors: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is a file where a folder is expected',
  EISDIR: 'is a folder where a file is expected',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: operation not permitted',
};

/**
 * An error the corpus check did not expect (content problems are values, never
 * thrown), told in a line or two: a file-system error as the path it concerns,
 * relative to `root`, and what is wrong with it; anything else as its message,
 * as a bug. The stack trace is for whoever debugs the build, so it is only
 * asked for, with `--debug`. `then`: what became of the command, and how to
 * ask for the trace; a build stops, `astro dev` keeps serving.
 */
export function describeUnexpectedError(error: unknown, root: string, then: string = buildStopped): string {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  const meaning = typeof code === 'string' ? fileErrors[code] : undefined;
  const what =
    meaning && typeof path === 'string'
      ? `${relative(root, path) || '.'}: ${meaning}`
      : `${error instanceof Error ? error.message : String(error)} (this looks like a bug in the build, not a problem of the content: please report it)`;
  return `${what}\n${then}`;
}

const buildStopped = 'The build stopped. For the stack trace, run it again with --debug (npm run build -- --debug, or CORPUS_DEBUG=1).';

/** What `astro dev` does when checking an edit fails so: the pages stay as the last check left them. */
export const devKeptServing =
  'The pages are as the last check left them; save a content file to check again. For the stack trace, start the server with CORPUS_DEBUG=1 (CORPUS_DEBUG=1 npm run dev).';
