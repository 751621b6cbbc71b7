import { describe, expect, test } from 'vitest';
import { menuPageFlags } from '../../../background/worker/context-menu';

describe('menuPageFlags (a context-menu click on a link)', () => {
  test('a link in the top frame: the user\'s own click, nothing in doubt', () => {
    expect(menuPageFlags({ frameId: 0, pageUrl: 'https://crm.example/a' }, { url: 'https://crm.example/a' })).toEqual({ unsure: false });
  });

  test('a link in a frame of the same origin: nothing in doubt', () => {
    expect(menuPageFlags({ frameId: 4, frameUrl: 'https://crm.example/frame', pageUrl: 'https://crm.example/a' }, { url: 'https://crm.example/a' })).toEqual({ unsure: false });
  });

  test('a link in an ad frame of another origin: that frame\'s host, for the confirm dialer', () => {
    expect(menuPageFlags({ frameId: 4, frameUrl: 'https://ads.example:8443/x', pageUrl: 'https://crm.example/a' }, { url: 'https://crm.example/a' })).toEqual({
      unsure: false,
      crossOriginFrame: 'ads.example:8443',
    });
  });

  test('a frame whose address the browser did not give: in doubt, never taken as the tab\'s own', () => {
    expect(menuPageFlags({ frameId: 4, pageUrl: 'https://crm.example/a' }, { url: 'https://crm.example/a' }).crossOriginFrame).toBeDefined();
  });
});
