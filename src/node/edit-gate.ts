/**
 * Keeps `astro dev` from serving a page while the corpus it shows is being
 * checked again after an edit. A request whose page's modules were being
 * evaluated when the check ended kept the page model of before, and the
 * server never evaluated them again: the edit never showed, however often
 * the page was loaded (in one run of three of tests/integration/dev-server.test.ts,
 * whose first request for a page began just before its edit and ended just
 * after the check). So a request waits while an edit is pending or being
 * checked, and a check waits for the requests being served to end: each page
 * is rendered wholly before an edit or wholly after it.
 */
export interface EditGate {
  /** An edit has arrived: requests wait from now until an update that follows it has run. */
  hold(): void;
  /**
   * Runs `update` once no request is being served, new requests waiting until
   * it ends; the edits held before it began are then done with, whether or
   * not it succeeded.
   */
  update(update: () => Promise<void>): Promise<void>;
  /** Waits until the request may be served; what it gives is called once the request has ended (more than once does no harm). */
  admit(): Promise<() => void>;
}

export function editGate(): EditGate {
  let held = 0;
  let updating = false;
  let serving = 0;
  // Requests waiting for the edits to be done with, and updates waiting for the requests to end.
  let waitingRequests: (() => void)[] = [];
  let waitingUpdates: (() => void)[] = [];
  const open = () => held === 0 && !updating;
  const wake = (waiting: (() => void)[]) => {
    for (const resume of waiting) resume();
  };
  return {
    hold() {
      held += 1;
    },
    async update(update) {
      const edits = held;
      updating = true;
      try {
        while (serving > 0) await new Promise<void>((resume) => waitingUpdates.push(resume));
        await update();
      } finally {
        held -= edits;
        updating = false;
        if (open()) {
          const resumed = waitingRequests;
          waitingRequests = [];
          wake(resumed);
        }
      }
    },
    async admit() {
      while (!open()) await new Promise<void>((resume) => waitingRequests.push(resume));
      serving += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        serving -= 1;
        if (serving === 0) {
          const resumed = waitingUpdates;
          waitingUpdates = [];
          wake(resumed);
        }
      };
    },
  };
}
