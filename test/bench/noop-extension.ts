/**
 * An extension whose content script does nothing: on the 10,000-number table Chrome runs the page's own layout in
 * long tasks after DOMContentLoaded as soon as any extension injects a script, so its long tasks are the baseline
 * that tells those apart from the ones Dialable's content script makes.
 */
import { join } from 'node:path';
import { writeExtension } from './write-extension';

export function writeNoopExtension(dir: string): string {
  return writeExtension(join(dir, 'noop-extension'), 'No-op content script', { content: 'void 0;\n' });
}
