import type { APIRoute } from 'astro';
import { siteUrl } from '../config.ts';
import { robotsTxt } from '../site/robots.ts';

/** robots.txt, naming the sitemap by its public URL (which depends on SITE_URL, so it cannot be a file in public/). */
export const GET: APIRoute = () => new Response(robotsTxt(siteUrl), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
