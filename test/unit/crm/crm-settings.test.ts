import { describe, expect, test } from 'vitest';
import { coerceSettings, DEFAULT_SETTINGS } from '../../../src/settings';
import { migrateSettings } from '../../../src/settings/migrations';
import { coerceManaged, effectiveSettings } from '../../../src/settings/managed';

describe('settings version 6: screen-pop and the call-log webhook', () => {
  test('the step from version 5 adds them switched off, keeping the rest of calling', () => {
    expect(migrateSettings({ version: 5, calling: { dnd: true, ctiOrigins: ['https://crm.example.com'] } }).calling).toEqual({
      dnd: true,
      ctiOrigins: ['https://crm.example.com'],
      screenPopUrl: '',
      screenPopWhen: 'ring',
      callLogUrl: '',
    });
    expect(DEFAULT_SETTINGS.calling).toMatchObject({ screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' });
  });

  test('stored values are kept when valid and fall back to off otherwise', () => {
    const good = coerceSettings({ version: 6, calling: { screenPopUrl: ' https://crm.example.com/s?p={e164} ', screenPopWhen: 'answer', callLogUrl: 'http://127.0.0.1:9/log' } });
    expect(good.calling).toMatchObject({ screenPopUrl: 'https://crm.example.com/s?p={e164}', screenPopWhen: 'answer', callLogUrl: 'http://127.0.0.1:9/log' });
    const bad = coerceSettings({ version: 6, calling: { screenPopUrl: 'http://crm.example.com/?p={e164}', screenPopWhen: 'later', callLogUrl: 'javascript:alert(1)' } });
    expect(bad.calling).toMatchObject({ screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' });
    expect(coerceSettings({ version: 6, calling: { screenPopUrl: 'https://{name}.example.com/' } }).calling.screenPopUrl).toBe('');
  });

  test('policy keys screenPopUrl and callLogUrl: valid ones replace the user\'s, invalid ones are dropped', () => {
    const managed = coerceManaged({ screenPopUrl: 'https://crm.example.com/?n={number}', callLogUrl: 'ftp://x.example.com/' });
    expect(managed).toEqual({ screenPopUrl: 'https://crm.example.com/?n={number}' });
    expect(coerceManaged({ callLogUrl: '' })).toEqual({ callLogUrl: '' });
    const user = coerceSettings({ version: 6, calling: { screenPopUrl: 'https://mine.example.com/?q={e164}', callLogUrl: 'https://log.example.com/' } });
    expect(effectiveSettings(user, { ...managed, callLogUrl: '' }).calling).toMatchObject({ screenPopUrl: 'https://crm.example.com/?n={number}', callLogUrl: '' });
  });
});
