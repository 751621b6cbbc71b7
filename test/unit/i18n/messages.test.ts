import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LANGUAGES, MESSAGES, pickLanguage, setLanguage, t } from '../../../src/i18n';

const root = 'src/i18n/messages';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|json|html)$/.test(name) ? [path] : [];
  });
}

describe('dictionaries (_locales)', () => {
  test('every language has the same area files and the same keys as English', () => {
    const areas = readdirSync(join(root, 'en')).sort();
    for (const lang of LANGUAGES) {
      expect(readdirSync(join(root, lang)).sort(), lang).toEqual(areas);
      expect(Object.keys(MESSAGES[lang]).sort(), lang).toEqual(Object.keys(MESSAGES.en).sort());
    }
  });

  test('translations keep the substitutions ($1…$9) of the English message and are not empty', () => {
    const slots = (s: string) => [...s.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();
    for (const lang of LANGUAGES) {
      for (const [key, entry] of Object.entries(MESSAGES[lang])) {
        expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
        expect(slots(entry.message), `${lang}.${key}`).toEqual(slots(MESSAGES.en[key]?.message ?? ''));
      }
    }
  });

  test('keys are valid _locales names', () => {
    for (const key of Object.keys(MESSAGES.en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  test('every __MSG_x__ used by the manifest and pages exists', () => {
    const used = [...readFileSync('manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(3);
    for (const key of used) expect(MESSAGES.en, key).toHaveProperty(key);
  });

  test('every t("key") in the code names an existing key', () => {
    for (const area of ['src', 'content', 'background', 'popup']) {
      for (const file of files(area)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) expect(MESSAGES.en, `${file}: ${m[1]}`).toHaveProperty(m[1] as string);
        for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:data-i18n="|localizeDocument\(document, '|tNodes\(')([A-Za-z0-9_]+)/g)) {
          expect(MESSAGES.en, `${file}: ${m[1]}`).toHaveProperty(m[1] as string);
        }
      }
    }
  });
});

describe('t()', () => {
  afterEach(() => setLanguage('en'));

  test('speaks the chosen language and substitutes $1', () => {
    setLanguage('de-AT');
    expect(t('commandAnswer')).toBe('Eingehenden Anruf annehmen');
    setLanguage('en-GB');
    expect(t('commandAnswer')).toBe('Answer the incoming call');
  });

  test.each([
    ['de', 'de'],
    ['de-CH', 'de'],
    ['de_DE', 'de'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ])('pickLanguage(%j) = %s', (locale, lang) => expect(pickLanguage(locale)).toBe(lang));
});
