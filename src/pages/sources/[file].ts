import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { cacheKeys, corpus } from '../../data/corpus.ts';
import { contentDirs } from '../../config.ts';

/** Publishes each verbatim source byte for byte, so readers can check the edition against it. */
export const getStaticPaths = (() =>
  corpus.documents.map(({ meta }) => ({
    params: { file: meta.source },
    cacheKey: cacheKeys.source({ file: meta.source }, meta.sha256),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await readFile(`${contentDirs.sources}/${params.file}`);
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
