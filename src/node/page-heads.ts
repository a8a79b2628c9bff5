import { open, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type PageHead, readPageHead } from '../site/security-headers.ts';
import { type FileStamp, putRecord, sameStamp, stampOf, takeRecord } from './file-stamps.ts';

/**
 * What each built page's head says (src/site/security-headers.ts), read once
 * per version of the page: the heads of the last build's pages are recorded
 * in Astro's cache folder with each page's size and modification time, and a
 * page the build left as it was (Astro's "cached" pages) is not read again.
 * At 1,000 generated documents reading the 2,399 heads took a rebuild 0.4 to
 * 0.9 s.
 */
export interface PageHeads {
  /** The head of the page at `file`, an absolute path under the output folder. */
  read(file: string): Promise<PageHead>;
  /** Records the heads this build read or reused, for the next; says how many it read. */
  finish(): Promise<{ read: number }>;
}

/** A page's stamp, and what its head said then. */
interface Recorded {
  stamp: FileStamp;
  head: PageHead;
}

interface HeadRecord {
  outDir: string;
  pages: Record<string, Recorded>;
}

const recordName = 'corpus-page-heads.json';

export async function openPageHeads(cacheDir: string, outDir: string): Promise<PageHeads> {
  const path = join(cacheDir, recordName);
  const last = recordedPages(await takeRecord(path), outDir);
  const pages: Record<string, Recorded> = {};
  let read = 0;
  const readCounted = (file: string) => {
    read += 1;
    return readHead(file);
  };
  return {
    async read(file) {
      const key = relative(outDir, file);
      const stats = await stat(file);
      const recorded = Object.hasOwn(last, key) ? last[key] : undefined;
      const head = recorded && sameStamp(recorded.stamp, stats) ? recorded.head : await readCounted(file);
      pages[key] = { stamp: stampOf(stats), head };
      return head;
    },
    async finish() {
      const record: HeadRecord = { outDir, pages };
      await putRecord(path, record);
      return { read };
    },
  };
}

/** The pages of the last build's record, where it was of the same output folder; none otherwise (every head is then read). */
function recordedPages(record: unknown, outDir: string): Record<string, Recorded> {
  const { outDir: recordedOutDir, pages } = (record ?? {}) as Partial<HeadRecord>;
  return recordedOutDir === outDir && typeof pages === 'object' && pages !== null ? pages : {};
}

/**
 * A page's head, read up to `</head>`: the pages' bodies are most of the
 * site's bytes and say nothing the headers need. Read 8 KB at a time, as the
 * heads Astro writes are 1.5 to 3.5 KB: a buffer of 64 KB for each of
 * thousands of pages cost the build more than the reading.
 */
async function readHead(file: string): Promise<PageHead> {
  const handle = await open(file);
  try {
    const chunk = Buffer.alloc(8 * 1024);
    const parts: Buffer[] = [];
    let end = -1;
    while (end < 0) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length);
      if (bytesRead === 0) break;
      parts.push(Buffer.from(chunk.subarray(0, bytesRead)));
      end = Buffer.concat(parts).indexOf('</head>');
    }
    const head = Buffer.concat(parts).toString('utf8');
    return readPageHead(end < 0 ? head : head.slice(0, head.indexOf('</head>')));
  } finally {
    await handle.close();
  }
}
