import { describe, expect, test } from 'vitest';

const { sourceOf } = await import('../../../background/worker/run-command');

describe('where a shortcut call came from', () => {
  test("the browser's tab address and title, strings only, capped", () => {
    expect(sourceOf({ url: 'https://crm.example.com/c/1', title: 'Contact — CRM' })).toEqual({ url: 'https://crm.example.com/c/1', title: 'Contact — CRM' });
    expect(sourceOf({ url: 42, title: { toString: () => 'x' } })).toEqual({ url: '', title: '' });
    expect(sourceOf(undefined)).toEqual({ url: '', title: '' });
    expect(sourceOf({ url: `https://a.example/${'x'.repeat(5000)}`, title: 't'.repeat(1000) })).toEqual({ url: expect.any(String), title: 't'.repeat(256) });
    expect(sourceOf({ url: `https://a.example/${'x'.repeat(5000)}` }).url).toHaveLength(2048);
  });
});
