import type { APIRoute } from 'astro';
import { corpus } from '../../data/corpus.ts';
import { entryTypeLabels } from '../../site/format.ts';
import type { EntryName } from '../../site/search-state.ts';

/** Entry names and aliases, fetched by the search page only when a query finds nothing. */
export const GET: APIRoute = () => {
  const names: EntryName[] = corpus.entries.map((entry) => ({
    id: entry.id,
    name: entry.meta.name,
    type: entryTypeLabels[entry.meta.type].singular,
    aliases: entry.meta.aliases,
  }));
  return new Response(JSON.stringify(names), { headers: { 'Content-Type': 'application/json' } });
};
