/**
 * What every page pays for Dialable even without a single digit: the size of the eagerly injected content script
 * (against libphonenumber-js, which a page scanning by itself would load; Dialable matches in the background) and its
 * main-thread time on a tiny page (profile-attribution.ts) over fresh tabs with and without the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'puppeteer-core';
import { median, openMeasuredPage, settle } from './measured-page';
import { attributeProfile, EXTENSION_URL } from './profile-attribution';

export interface FileSize {
  files: string[];
  bytes: number;
  gzip: number;
}

export interface EagerSizes {
  eager: FileSize;
  /** libphonenumber-js with full metadata, as a page would load it to scan itself (Dialable's pages load none). */
  naive: FileSize;
}

/** The files the built manifest injects eagerly, and the naive bundle for comparison. */
export function measureSizes(dist: string, naiveCode: string): EagerSizes {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[] }>;
  };
  const eager = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const naive = Buffer.from(naiveCode);
  return { eager: sizeOf(dist, eager), naive: { files: ['naive.js'], bytes: naive.length, gzip: gzipSync(naive, { level: 9 }).length } };
}

function sizeOf(dist: string, files: string[]): FileSize {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(dist, file));
    bytes += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files, bytes, gzip };
}

export interface EagerEvaluation {
  withMs: number[];
  withoutMs: number[];
  /** median(with) − median(without). */
  costMs: number;
}

/** Profiled content-script time on `url` in `tabs` fresh tabs per context, alternating. */
export async function measureEagerEvaluation(
  withExtension: BrowserContext,
  withoutExtension: BrowserContext,
  url: string,
  tabs: number,
): Promise<EagerEvaluation> {
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let i = 0; i < tabs; i++) {
    for (const [context, out] of [
      [withExtension, withMs],
      [withoutExtension, withoutMs],
    ] as const) {
      const tab = await openMeasuredPage(context, { profile: true });
      try {
        await tab.page.goto(url, { waitUntil: 'load' });
        await settle(tab, { minMs: 600, quietMs: 400, maxMs: 3000 });
        out.push(attributeProfile(await tab.stopProfile(), EXTENSION_URL).scriptMs);
      } finally {
        await tab.close();
      }
    }
  }
  return { withMs, withoutMs, costMs: median(withMs) - median(withoutMs) };
}

