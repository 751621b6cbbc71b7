import { t, type MessageKey } from '../src/i18n/t';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const TEST_ID: Record<string, string> = { '*': 'key-star', '#': 'key-hash' };
const NAME: Record<string, MessageKey> = { '*': 'keypadStar', '#': 'keypadHash' };

/** The 12-key pad: adds digits to the number, or sends DTMF during a call. */
export function Keypad({ onKey }: { onKey: (key: string) => void }) {
  return (
    <div class="keypad" role="group" aria-label={t('keypadLabel')}>
      {KEYS.map((key) => (
        <button type="button" key={key} data-testid={TEST_ID[key] ?? `key-${key}`} aria-label={NAME[key] ? t(NAME[key]) : undefined} onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
