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

export interface EditGateOptions {
  /**
   * How long an update waits for the requests being served: a response that
   * never ends (a hung handler, a client that holds a stream open) would
   * otherwise hold back every edit and every page. The update then runs, and
   * says how many requests it did not wait for.
   */
  patienceMs?: number;
  onImpatient?: (serving: number) => void;
}

export function editGate({ patienceMs = 10_000, onImpatient }: EditGateOptions = {}): EditGate {
  let held = 0;
  let updating = false;
  let serving = 0;
  // Requests waiting for the edits to be done with, and updates waiting for the requests to end.
  const waitingRequests: (() => void)[] = [];
  const waitingUpdates: (() => void)[] = [];
  const open = () => held === 0 && !updating;
  /** Resumes, once, each of those waiting so far. */
  const wake = (waiting: (() => void)[]) => {
    for (const resume of waiting.splice(0)) resume();
  };
  return {
    hold() {
      held += 1;
    },
    async update(update) {
      const edits = held;
      updating = true;
      try {
        const deadline = Date.now() + patienceMs;
        while (serving > 0) {
          const left = deadline - Date.now();
          if (left <= 0) {
            onImpatient?.(serving);
            break;
          }
          await new Promise<void>((resume) => {
            const timer = setTimeout(resume, left);
            waitingUpdates.push(() => {
              clearTimeout(timer);
              resume();
            });
          });
        }
        await update();
      } finally {
        held -= edits;
        updating = false;
        if (open()) wake(waitingRequests);
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
        if (serving === 0) wake(waitingUpdates);
      };
    },
  };
}

/** What the gate needs of a response: to know when it has ended, finished or cut off by the client. */
interface ClosingResponse {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * A middleware for the dev server's requests that serves each one through the
 * gate. A request counts as served until its response closes, and one whose
 * client went away while it waited is let go without being served: its
 * response closed before it was let through, and closes only once.
 */
export function gatedRequests(gate: EditGate): (request: unknown, response: ClosingResponse, next: () => void) => void {
  return (_request, response, next) => {
    let closed = false;
    let release: (() => void) | undefined;
    response.once('close', () => {
      closed = true;
      release?.();
    });
    void gate.admit().then((admitted) => {
      release = admitted;
      if (closed) admitted();
      else next();
    });
  };
}
