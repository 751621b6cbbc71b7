import { beforeAll, describe, expect, test } from 'vitest';
import { pageCallConcern, sipParts, usualCountries, type PageCallContext } from '../../../src/call/page-call-concern';
import { setLanguage } from '../../../src/i18n/t';

const base: PageCallContext = { usualCountries: new Set(['GB']), accountDomain: 'pbx.example.com', unsure: false, confirmAll: false };
const phone = (e164: string) => ({ kind: 'phone', e164 }) as const;
const sip = (uri: string) => ({ kind: 'sip', uri }) as const;

beforeAll(() => setLanguage('en'));

describe('which page calls wait for the confirm dialer', () => {
  test('an ordinary number in a usual country, or a sip: address at the account domain, dials at once', () => {
    expect(pageCallConcern(phone('+442079460958'), base)).toBeUndefined();
    expect(pageCallConcern(sip('sip:bob@PBX.example.com:5060'), base)).toBeUndefined();
    expect(pageCallConcern({ kind: 'user', user: '204' }, base)).toBeUndefined();
  });

  test('premium-rate and other costly or forwarding numbers say what they are, with the number', () => {
    expect(pageCallConcern(phone('+19005550100'), base)).toBe('This is a premium-rate number (+1 900 555 0100); calls to it may cost more.');
    expect(pageCallConcern(phone('+448712345678'), { ...base, usualCountries: new Set(['GB']) })).toMatch(/^This is a premium-rate number \(\+44 871/);
    expect(pageCallConcern(phone('+491805123456'), base)).toMatch(/shared-cost/);
    expect(pageCallConcern(phone('+445512345678'), base)).toMatch(/universal access/);
    expect(pageCallConcern(phone('+447012345678'), base)).toMatch(/personal number/);
  });

  test('a number in a country the user has not called before', () => {
    expect(pageCallConcern(phone('+493012345678'), base)).toBe('This number (+49 30 12345678) is in Germany, a country you have not called before. Check it, then press Call.');
    expect(pageCallConcern(phone('+493012345678'), { ...base, usualCountries: usualCountries('GB', ['+493099999999']) })).toBeUndefined();
  });

  test('sip: at another host, or at an IP address (even the account domain as an address)', () => {
    expect(pageCallConcern(sip('sip:probe@other.example'), base)).toBe('This link points to another server: probe@other.example. Check it, then press Call.');
    expect(pageCallConcern(sip('sip:probe@192.0.2.7:5060'), base)).toMatch(/^This link points to a server by its IP address: probe@192\.0\.2\.7\./);
    expect(pageCallConcern(sip('sip:probe@192.0.2.7'), { ...base, accountDomain: '192.0.2.7' })).toMatch(/IP address/);
    expect(pageCallConcern(sip('sip:bob@pbx.example.com'), { ...base, accountDomain: '' })).toMatch(/another server/);
  });

  test('a click the content script was unsure about, or a link in a cross-origin frame, always asks', () => {
    expect(pageCallConcern(phone('+442079460958'), { ...base, unsure: true })).toMatch(/not sure you meant/);
    expect(pageCallConcern(phone('+442079460958'), { ...base, crossOriginFrame: 'ads.example.net' })).toMatch(/frame from another site \(ads\.example\.net\)/);
  });

  test('"confirm every call" asks for ordinary numbers too', () => {
    expect(pageCallConcern(phone('+442079460958'), { ...base, confirmAll: true })).toMatch(/confirm every call/);
  });

  test('German', () => {
    setLanguage('de');
    expect(pageCallConcern(phone('+19005550100'), base)).toBe('Dies ist eine Premium-Nummer (+1 900 555 0100); Anrufe dorthin können mehr kosten.');
    setLanguage('en');
  });
});

describe('helpers', () => {
  test('sipParts takes the host without port, lower case', () => {
    expect(sipParts('sip:Bob@PBX.Example.com:5061')).toEqual({ user: 'Bob', host: 'pbx.example.com' });
  });

  test('usual countries: home plus the countries called before (SIP users ignored)', () => {
    expect([...usualCountries('GB', ['+12133734253', 'alice', '+442079460958'])].sort()).toEqual(['GB', 'US']);
    expect([...usualCountries(undefined, [])]).toEqual([]);
  });
});
