import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type PageHead, readPageHead } from '../site/security-headers.ts';

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

/** A page's size and modification time, and what its head said then. */
type Recorded = [size: number, modified: number, head: PageHead];

interface HeadRecord {
  outDir: string;
  pages: Record<string, Recorded>;
}

const recordName = 'corpus-page-heads.json';

export async function openPageHeads(cacheDir: string, outDir: string): Promise<PageHeads> {
  const path = join(cacheDir, recordName);
  const last = await readRecord(path, outDir);
  // Until this build finishes, no record says what the pages are.
  await rm(path, { force: true });
  const pages: Record<string, Recorded> = {};
  let read = 0;
  const readCounted = (file: string) => {
    read += 1;
    return readHead(file);
  };
  return {
    async read(file) {
      const key = relative(outDir, file);
      const { size, mtimeMs } = await stat(file);
      const recorded = Object.hasOwn(last, key) ? last[key] : undefined;
      const head = recorded && recorded[0] === size && recorded[1] === mtimeMs ? recorded[2] : await readCounted(file);
      pages[key] = [size, mtimeMs, head];
      return head;
    },
    async finish() {
      // Written whole, then renamed; a record that cannot be written only costs the next build a read of every head.
      const temporary = `${path}.${process.pid}.tmp`;
      const record: HeadRecord = { outDir, pages };
      await writeFile(temporary, JSON.stringify(record))
        .then(() => rename(temporary, path))
        .catch(() => rm(temporary, { force: true }).catch(() => undefined));
      return { read };
    },
  };
}

async function readRecord(path: string, outDir: string): Promise<Record<string, Recorded>> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as Partial<HeadRecord> | null;
    return record?.outDir === outDir && typeof record.pages === 'object' && record.pages !== null ? record.pages : {};
  } catch {
    // None, or half written: every head is read.
    return {};
  }
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
