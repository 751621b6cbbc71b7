/**
 * The naive baseline as what it stands for: a real extension whose content script evaluates libphonenumber-js
 * (the bundle from naive-scanner.ts) and runs `findPhoneNumbersInText` over `document.body.textContent`. It runs
 * in a browser of its own and is measured exactly like Dialable (measure-lone-extension.ts), so the two figures
 * compare like with like.
 */
import { join } from 'node:path';
import { NAIVE_GLOBAL } from './naive-scanner';
import { writeExtension } from './write-extension';

/** Writes the naive extension into `dir` and returns its folder. */
export function writeNaiveExtension(dir: string, naiveCode: string): string {
  const content = `${naiveCode}\n;${NAIVE_GLOBAL}.findPhoneNumbersInText(document.body.textContent, 'US');\n`;
  return writeExtension(join(dir, 'naive-extension'), 'Naive phone-number scan', { content });
}
