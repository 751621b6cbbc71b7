import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { describeViolations, runAxe } from './axe';

const SCHEMES = ['light', 'dark'] as const;

/** Runs axe in both colour schemes; prints every violation found and fails on serious or critical ones. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.bringToFront();
  const serious: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(describeViolations(`${where} (${scheme})`, violations));
    serious.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  expect(serious).toEqual([]);
}
