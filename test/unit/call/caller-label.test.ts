import { describe, expect, test } from 'vitest';
import { CALLER_TEXT_MAX, callerLabel, cleanCallerText } from '../../../src/call/caller-label';

const uri = (user: string | undefined, host: string) => ({ user, host, toString: () => `sip:${user ? `${user}@` : ''}${host}` });

describe('caller text from a SIP peer', () => {
  test.each([
    ['plain name', 'Alice Smith', 'Alice Smith'],
    ['right-to-left override (reads "bank.com" backwards)', 'Support \u202Emoc.knab', 'Support moc.knab'],
    ['every bidi embedding, override and isolate', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i', 'abcdefghi'],
    ['direction marks', '\u200EA\u200FB\u061CC', 'ABC'],
    ['zero-width characters and BOM', 'Al\u200Bi\u200Cc\u200De\uFEFF', 'Alice'],
    ['tag characters (invisible text)', 'Bob\u{E0041}\u{E0042}', 'Bob'],
    ['C0 and C1 controls', 'A\u0000B\u0007C\u001BD\u009BE\u007F', 'ABCDE'],
    ['newlines and tabs become one space', 'Line1\r\n\tLine2\u2028Line3\u2029', 'Line1 Line2 Line3'],
    ['whitespace runs collapse, ends trimmed', '   Alice \u00A0\u3000  Smith  ', 'Alice Smith'],
    ['a control between spaces leaves one space', 'a \u202E b', 'a b'],
    ['lone surrogate halves', 'x\uD800y\uDC00z', 'xyz'],
    ['emoji pairs kept whole', 'Anna 📞', 'Anna 📞'],
    ['a few combining marks kept (real scripts)', 'Nguye\u0302\u0303n', 'Nguye\u0302\u0303n'],
    ['a tower of combining marks cut to four', `Z${'\u0301'.repeat(50)}`, `Z${'\u0301'.repeat(4)}`],
    ['non-Latin scripts kept', 'محمد 李雷 Дмитрий', 'محمد 李雷 Дмитрий'],
    ['nothing visible left', '\u202E\u2066\u200B', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanCallerText(input)).toBe(expected);
  });

  test('cut to 64 characters with an ellipsis', () => {
    const out = cleanCallerText('A'.repeat(500));
    expect(Array.from(out)).toHaveLength(CALLER_TEXT_MAX);
    expect(out.endsWith('…')).toBe(true);
  });

  test('exactly 64 characters stay as they are', () => {
    expect(cleanCallerText('B'.repeat(64))).toBe('B'.repeat(64));
  });

  test('the cut never splits a surrogate pair', () => {
    const out = cleanCallerText('😀'.repeat(100));
    expect(out).toBe(`${'😀'.repeat(63)}…`);
    expect(out).not.toMatch(/\p{Cs}/u);
  });

  test('500 characters of bidi controls and text: clean and short', () => {
    const hostile = '\u202E\u2066Evil\u2069 '.repeat(50);
    const out = cleanCallerText(hostile);
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/u);
    expect(Array.from(out).length).toBeLessThanOrEqual(CALLER_TEXT_MAX);
    expect(out.startsWith('Evil Evil')).toBe(true);
  });
});

describe('caller label', () => {
  test.each([
    ['same domain, with a name', { displayName: 'Alice', uri: uri('alice', 'example.com') }, 'example.com', { number: 'alice', displayName: 'Alice' }],
    ['same domain, no name', { uri: uri('+4930123456', 'example.com') }, 'example.com', { number: '+4930123456' }],
    ['domain compared without case', { displayName: 'Alice', uri: uri('alice', 'Example.COM') }, 'example.com', { number: 'alice', displayName: 'Alice' }],
    ['another domain is shown with the name', { displayName: 'Alice', uri: uri('alice', 'evil.example') }, 'example.com', { number: 'alice', displayName: 'Alice (evil.example)' }],
    ['another domain, no name: the user part', { uri: uri('mallory', 'evil.example') }, 'example.com', { number: 'mallory', displayName: 'mallory (evil.example)' }],
    ['a name of only controls counts as none', { displayName: '\u202E\u200B', uri: uri('bob', 'example.com') }, 'example.com', { number: 'bob' }],
    ['no user part: the URI', { uri: uri(undefined, 'example.com') }, 'example.com', { number: 'sip:example.com' }],
    ['user part cleaned too', { uri: uri('10\u202E01', 'example.com') }, 'example.com', { number: '1001' }],
    ['an IP literal host is another domain', { displayName: 'IT', uri: uri('it', '192.0.2.7') }, 'example.com', { number: 'it', displayName: 'IT (192.0.2.7)' }],
    ['an empty user part after cleaning still names someone', { uri: uri('\u200B', 'example.com') }, 'example.com', { number: '?' }],
  ])('%s', (_name, remote, domain, expected) => {
    expect(callerLabel(remote, domain)).toEqual(expected);
  });

  test('a hostile name of 500 characters from another domain: cut, and the domain still shown', () => {
    const label = callerLabel({ displayName: '\u202EX'.repeat(250), uri: uri('m', 'evil.example') }, 'example.com');
    expect(label.displayName).toBe(`${'X'.repeat(63)}… (evil.example)`);
  });
});
