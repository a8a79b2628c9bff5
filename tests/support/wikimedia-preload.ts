/**
 * Loaded with `node --import` before `scripts/glossary-ids.ts` in the
 * integration test: replaces the global fetch with the recorded Wikimedia
 * responses (GLOSSARY_IDS_FETCH=recorded) or with a fetch that fails as on a
 * machine without network (GLOSSARY_IDS_FETCH=offline), so that the command
 * gives the same answers with or without network.
 */
import { offlineFetch, recordedFetch } from './recorded-wikimedia.ts';

globalThis.fetch = (process.env.GLOSSARY_IDS_FETCH === 'offline' ? offlineFetch : recordedFetch().fetch) as typeof fetch;
