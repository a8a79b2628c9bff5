import type { APIRoute } from 'astro';
import { siteDescription, siteName, siteUrl } from '../config.ts';
import { corpus } from '../data/corpus.ts';
import { documentsFeed } from '../site/feeds.ts';

/** The documents as an Atom feed, newest first; every page's head announces it. */
export const GET: APIRoute = () =>
  new Response(documentsFeed(corpus.documents, corpus.corrections, { url: siteUrl, name: siteName, description: siteDescription }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
