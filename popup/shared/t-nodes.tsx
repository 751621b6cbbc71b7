import type { ComponentChild } from 'preact';
import { t, type MessageKey } from '../../src/i18n/t';

/**
 * Like t(), with elements as substitutions: `tNodes(key, <code>a</code>)` for "… $1 …" keeps the markup inside
 * a translated sentence (word order differs between languages, so the sentence cannot be cut into pieces).
 */
export function tNodes(key: MessageKey, ...nodes: ComponentChild[]): ComponentChild[] {
  const marked = t(key, ...nodes.map((_, i) => `\uE000${i}\uE000`));
  return marked.split(/\uE000(\d)\uE000/).map((part, i) => (i % 2 === 1 ? nodes[Number(part)] : part));
}
