import { describe, expect, it } from 'vitest';
import { checkAnchorLock, movedPages, redirectsFromPage, updateAnchorLock } from '../../../src/corpus/anchors.ts';

describe('checkAnchorLock', () => {
  const lock = { anchors: ['/documents/a/#p1', '/documents/a/#p2', '/documents/old/#p1'], redirects: { '/documents/old/#p1': '/documents/b/#p1' } };

  it('passes when every locked anchor exists or is redirected to one that exists', () => {
    expect(checkAnchorLock(lock, ['/documents/a/#p1', '/documents/a/#p2', '/documents/b/#p1'])).toEqual({
      vanished: [],
      brokenRedirects: [],
      unlocked: ['/documents/b/#p1'],
    });
  });

  it('reports a locked anchor that vanished without a redirect', () => {
    expect(checkAnchorLock(lock, ['/documents/a/#p1', '/documents/b/#p1']).vanished).toEqual(['/documents/a/#p2']);
  });

  it('reports a redirect whose target does not exist', () => {
    expect(checkAnchorLock(lock, ['/documents/a/#p1', '/documents/a/#p2']).brokenRedirects).toEqual([{ from: '/documents/old/#p1', to: '/documents/b/#p1' }]);
  });
});

describe('updateAnchorLock', () => {
  it('adds new anchors in natural order and never removes old ones', () => {
    const updated = updateAnchorLock({ anchors: ['/documents/a/#p1', '/documents/gone/#p1'], redirects: {} }, [
      '/documents/a/#p10',
      '/documents/a/#p2',
      '/documents/a/#p1',
    ]);
    expect(updated.anchors).toEqual(['/documents/a/#p1', '/documents/a/#p2', '/documents/a/#p10', '/documents/gone/#p1']);
  });
});

describe('redirects', () => {
  const redirects = { '/documents/old/#p1': '/documents/new/#p1', '/documents/old/#p2': '/documents/new/#p2', '/documents/kept/#p9': '/documents/kept/#p8' };

  it('gives a moved page for each old page that no longer exists', () => {
    expect(movedPages(redirects, new Set(['/documents/kept/', '/documents/new/']))).toEqual([
      { path: '/documents/old/', targets: { p1: '/documents/new/#p1', p2: '/documents/new/#p2' } },
    ]);
  });

  it('gives the redirects of anchors on a page that still exists', () => {
    expect(redirectsFromPage(redirects, '/documents/kept/')).toEqual({ p9: '/documents/kept/#p8' });
  });
});
