import type { ClaimReference } from '../corpus/model.ts';

/** What the pipeline knows of the one page it renders (the VFile's `data.page`), beside the page itself. */
export interface PageData {
  /** ¶ number → the claims that paragraph reports, marked in its notes column. */
  claims?: ReadonlyMap<number, readonly ClaimReference[]>;
}
