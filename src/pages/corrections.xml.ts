import type { APIRoute } from 'astro';
import { siteDescription, siteName, siteUrl } from '../config.ts';
import { corpus } from '../data/corpus.ts';
import { correctedPageTitles } from '../site/corrections.ts';
import { correctionsFeed } from '../site/feeds.ts';

/** The corrections log (/corrections/) as an Atom feed, newest first; every page's head announces it. */
export const GET: APIRoute = () =>
  new Response(correctionsFeed(corpus.corrections, correctedPageTitles(corpus), { url: siteUrl, name: siteName, description: siteDescription }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
