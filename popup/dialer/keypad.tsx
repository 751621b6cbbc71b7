import { useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../src/i18n/t';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const TEST_ID: Record<string, string> = { '*': 'key-star', '#': 'key-hash' };
/** Holding 0 this long gives "+", as on a phone. */
export const LONG_PRESS_MS = 500;
/** A second tap on 0 within this time gives "+". */
export const DOUBLE_TAP_MS = 300;
const NAME: Record<string, MessageKey> = { '*': 'keypadStar', '#': 'keypadHash' };

export interface KeypadProps {
  onKey: (key: string) => void;
  /** Long-press on 0 (`replacesZero` false) or a double tap (true: the first tap already typed a 0). Omit for DTMF. */
  onPlus?: (replacesZero: boolean) => void;
}

/** The 12-key pad: adds digits to the number, or sends DTMF during a call; hold or double-tap 0 for "+". */
export function Keypad({ onKey, onPlus }: KeypadProps) {
  const hold = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const held = useRef(false);
  const lastZero = useRef(0);
  const cancelHold = () => {
    clearTimeout(hold.current);
    hold.current = undefined;
  };
  const zeroHandlers = onPlus && {
    onPointerDown: () => {
      held.current = false;
      cancelHold();
      hold.current = setTimeout(() => {
        held.current = true;
        lastZero.current = 0;
        onPlus(false);
      }, LONG_PRESS_MS);
    },
    onPointerUp: cancelHold,
    onPointerLeave: cancelHold,
    onPointerCancel: cancelHold,
    // A long press must not bring up the context menu on touch screens.
    onContextMenu: (e: Event) => e.preventDefault(),
    title: t('dialerZeroHint'),
  };
  const press = (key: string, event: MouseEvent) => {
    if (key === '0' && onPlus) {
      if (held.current) {
        held.current = false;
        return;
      }
      // detail 0: Enter/Space on the focused key, never a double tap.
      const now = event.timeStamp;
      if (event.detail > 0 && lastZero.current > 0 && now - lastZero.current < DOUBLE_TAP_MS) {
        lastZero.current = 0;
        onPlus(true);
        return;
      }
      lastZero.current = event.detail > 0 ? now : 0;
    } else {
      lastZero.current = 0;
    }
    onKey(key);
  };
  return (
    <div class="keypad" role="group" aria-label={t('keypadLabel')}>
      {KEYS.map((key) => (
        <button type="button" key={key} data-testid={TEST_ID[key] ?? `key-${key}`} aria-label={NAME[key] ? t(NAME[key]) : undefined} onClick={(e) => press(key, e)} {...(key === '0' ? zeroHandlers : {})}>
          {key}
        </button>
      ))}
    </div>
  );
}
