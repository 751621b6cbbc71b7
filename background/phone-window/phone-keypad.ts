import { isEstablished } from '../../src/call/call-state';
import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { t, type MessageKey } from '../../src/i18n/t';
import type { CallAction } from '../../src/messaging/protocol';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const TEST_ID: Record<string, string> = { '*': 'key-star', '#': 'key-hash' };
const NAME: Record<string, MessageKey> = { '*': 'keypadStar', '#': 'keypadHash' };

/**
 * The phone window's in-call keypad, its "Dialling extension 204" line and the Send button for digits after a `;`.
 * Firefox raises this window for a call (the microphone needs it in front), so a menu asking "press 1 for sales" is
 * answered here without opening the popup. Built with DOM calls: the page has no Preact. Returns the renderer.
 */
export function installPhoneKeypad(doc: Document, act: (action: CallAction) => void): (call: CallSnapshot | undefined) => void {
  const box = doc.createElement('div');
  box.hidden = true;
  const pad = doc.createElement('p');
  pad.setAttribute('role', 'group');
  pad.setAttribute('aria-label', t('keypadLabel'));
  for (const key of KEYS) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = key;
    button.dataset.testid = TEST_ID[key] ?? `key-${key}`;
    const name = NAME[key];
    if (name) button.setAttribute('aria-label', t(name));
    button.addEventListener('click', () => act({ action: 'dtmf', tone: key }));
    pad.append(button);
  }
  const status = doc.createElement('p');
  status.dataset.testid = 'post-dial';
  status.setAttribute('aria-live', 'polite');
  const send = doc.createElement('button');
  send.type = 'button';
  send.dataset.testid = 'send-digits';
  send.addEventListener('click', () => act({ action: 'send-digits' }));
  box.append(pad, status, send);
  doc.querySelector('[data-testid="hangup"]')?.parentElement?.after(box);

  return (call) => {
    box.hidden = call === undefined || !isEstablished(call.state);
    const post = call?.postDial;
    status.hidden = !post;
    send.hidden = !post?.waiting;
    if (!post) return;
    status.textContent = post.waiting ? t('dialerDigitsWaiting', post.digits) : post.extension ? t('dialerDiallingExtension', post.digits) : t('dialerSendingDigits', post.digits);
    send.textContent = t('dialerSendDigits', post.digits);
  };
}
