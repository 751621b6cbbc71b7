import { beforeAll, describe, expect, test } from 'vitest';
import { describeMediaError } from '../../../src/call/describe-media-error';
import { setLanguage, t } from '../../../src/i18n/t';

beforeAll(() => setLanguage('en'));

describe('getUserMedia failures in words', () => {
  test.each<[string, unknown, () => string]>([
    ['the grant refused', new DOMException('denied', 'NotAllowedError'), () => t('callMicrophoneNotAllowed')],
    ['a permission message from another error type', new Error('Permission dismissed'), () => t('callMicrophoneNotAllowed')],
    ['no microphone plugged in', new DOMException('none', 'NotFoundError'), () => t('callNoMicrophone')],
    ['anything else, with its message', new Error('device busy'), () => t('callCouldNotStart', 'device busy')],
    ['a thrown string', 'odd failure', () => t('callCouldNotStart', 'odd failure')],
  ])('%s', (_name, error, sentence) => {
    expect(describeMediaError(error)).toBe(sentence());
  });
});
