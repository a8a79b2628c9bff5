import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { editGate, gatedRequests } from '../../../src/node/edit-gate.ts';

/** Whether `promise` has settled once every pending callback has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('editGate', () => {
  it('admits requests at once while no edit is held, however many', async () => {
    const gate = editGate();
    expect(await settled(gate.admit())).toBe(true);
    expect(await settled(gate.admit())).toBe(true);
  });

  it('holds a request from the moment an edit arrives until the update after it has run', async () => {
    const gate = editGate();
    gate.hold();
    const request = gate.admit();
    expect(await settled(request)).toBe(false);
    await gate.update(async () => {
      expect(await settled(request)).toBe(false);
    });
    expect(await settled(request)).toBe(true);
  });

  it('runs an update once the requests being served have ended, and none starts while it runs', async () => {
    const gate = editGate();
    const release = await gate.admit();
    gate.hold();
    const steps: string[] = [];
    const update = gate.update(async () => {
      steps.push('update');
    });
    expect(await settled(update)).toBe(false);
    const later = gate.admit().then(() => steps.push('request'));
    steps.push('released');
    release();
    await Promise.all([update, later]);
    expect(steps).toEqual(['released', 'update', 'request']);
  });

  it('keeps requests waiting for the next update when an edit arrives during one', async () => {
    const gate = editGate();
    gate.hold();
    let request: Promise<unknown> | undefined;
    await gate.update(async () => {
      gate.hold();
      request = gate.admit();
    });
    expect(await settled(request as Promise<unknown>)).toBe(false);
    await gate.update(async () => undefined);
    expect(await settled(request as Promise<unknown>)).toBe(true);
  });

  it('lets requests through after an update that failed, which fails as it did', async () => {
    const gate = editGate();
    gate.hold();
    const request = gate.admit();
    await expect(gate.update(() => Promise.reject(new Error('the check failed')))).rejects.toThrow('the check failed');
    expect(await settled(request)).toBe(true);
  });

  it('counts a request once, however often it is said to have ended', async () => {
    const gate = editGate();
    const first = await gate.admit();
    const second = await gate.admit();
    first();
    first();
    gate.hold();
    const update = gate.update(async () => undefined);
    // The second request is still being served.
    expect(await settled(update)).toBe(false);
    second();
    expect(await settled(update)).toBe(true);
  });

  it('runs an update after its patience with a request that never ends, and says so', async () => {
    const impatient: number[] = [];
    const gate = editGate({ patienceMs: 20, onImpatient: (serving) => impatient.push(serving) });
    await gate.admit();
    gate.hold();
    let ran = false;
    await gate.update(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(impatient).toEqual([1]);
  });
});

describe('gatedRequests', () => {
  it('serves a request once the gate lets it through, and counts it served until its response closes', async () => {
    const gate = editGate();
    const serve = gatedRequests(gate);
    const response = new EventEmitter();
    let served = false;
    serve({}, response, () => (served = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(served).toBe(true);
    gate.hold();
    const update = gate.update(async () => undefined);
    expect(await settled(update)).toBe(false);
    response.emit('close');
    expect(await settled(update)).toBe(true);
  });

  it('lets go without serving a request whose client went away while it waited, so that it holds back no later edit', async () => {
    const gate = editGate();
    const serve = gatedRequests(gate);
    gate.hold();
    const response = new EventEmitter();
    let served = false;
    serve({}, response, () => (served = true));
    // The client gives up while the edit is checked: its response closes, once, before the request is let through.
    response.emit('close');
    await gate.update(async () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(served).toBe(false);
    gate.hold();
    expect(await settled(gate.update(async () => undefined))).toBe(true);
  });
});
