import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/** Attributes a user sees or hears (screen readers). */
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label', 'aria-description']);
/** A sentence or phrase: two words, the first starting with a letter ("Save preferences", "No calls yet."). */
const PHRASE = /\b[A-Za-z][a-z]*\s+[a-z]+/;

/**
 * Visible English that does not go through t() in one .tsx/.ts source: JSX text with letters (except inside
 * <code>, which shows literal syntax), string attributes users see, and string literals that read like a phrase
 * outside imports and t()/tNodes() calls.
 */
export function hardCodedText(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const inCode = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) if (ts.isJsxElement(p) && p.openingElement.tagName.getText() === 'code') return true;
    return false;
  };
  /** Inside an attribute nobody reads (`data-testid={`error-${name}`}`, ids, classes). */
  const inHiddenAttribute = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) if (ts.isJsxAttribute(p)) return !VISIBLE_ATTRIBUTES.has(p.name.getText());
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) && /^(t|tNodes)$/.test(node.expression.getText())) return;
    if (ts.isJsxText(node) && /[A-Za-z]/.test(node.text) && !inCode(node)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /[A-Za-z]/.test(node.initializer.text)) {
      found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent) && PHRASE.test(node.text)) {
      found.push(`${where(node)} string '${node.text}'`);
    }
    if (ts.isTemplateExpression(node) && !inHiddenAttribute(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      // Words beside a space are text; `${name}-error` and `#account [name="${name}"]` are ids and selectors.
      if (parts.some((part) => PHRASE.test(part) || /[A-Za-z]{2,}\s+$/.test(part) || /^\s+[A-Za-z]{2,}/.test(part))) found.push(`${where(node)} template '${parts.join('${…}')}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no hard-coded visible English in popup/', () => {
  test('the checker finds text nodes, visible attributes and phrases, and accepts t()', () => {
    const sample = `
      import { t } from '../src/i18n/t';
      export const A = () => <p title="Call again">Recent calls <code>stun:host</code> {t('historyTitle')}</p>;
      export const B = () => <input placeholder={t('dialerNumberPlaceholder')} aria-label="Number" data-testid="dial-input" id={\`error-\${1}\`} />;
      export const msg = (n: number) => (n ? \`Dialed \${n} numbers\` : 'That did not work.');
      export const ok = () => t('dialerCall');`;
    const found = hardCodedText('sample.tsx', sample);
    expect(found.join('\n')).toMatch(/title="Call again"/);
    expect(found.join('\n')).toMatch(/text "Recent calls"/);
    expect(found.join('\n')).toMatch(/aria-label="Number"/);
    expect(found.join('\n')).toMatch(/template 'Dialed \$\{…\} numbers'/);
    expect(found.join('\n')).toMatch(/string 'That did not work.'/);
    expect(found.join('\n')).not.toMatch(/stun|historyTitle|dial-input|dialerCall/);
    expect(found).toHaveLength(5);
  });

  const files = readdirSync('popup', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  test('popup/ has .tsx files to check', () => expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(8));
  test.each(files)('popup/%s', (name) => {
    const path = join('popup', name);
    expect(hardCodedText(path, readFileSync(path, 'utf8'))).toEqual([]);
  });
});
