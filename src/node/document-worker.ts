import Tinypool from 'tinypool';
import { type DocumentGlossary, documentRenderer } from './document-task.ts';

/** A worker thread of src/node/worker-pool.ts: checks and renders the pages it is sent, with the glossary it was started with. */
export default documentRenderer(Tinypool.workerData as DocumentGlossary);
