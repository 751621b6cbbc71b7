import { t } from '../../src/i18n/t';

const RAISED_SIZE = { width: 380, height: 260 };
/** How long to keep asking for the front before the call fails with a reason (a busy machine takes seconds). */
const FOCUS_WAIT_MS = 10_000;
const FOCUS_RETRY_MS = 1_000;
/** The longest wait between two looks when no focus or visibility event came (in case Firefox sends none). */
const FOCUS_LOOK_MS = 200;
/** Then how long the user has to click the window. */
const CLICK_WAIT_MS = 30_000;

/** Whether this window is the one in front: Firefox only lets it use the microphone then. */
function inFront(): boolean {
  return document.hasFocus() && document.visibilityState === 'visible';
}

/**
 * Resolves as soon as the window's focus or visibility changes, or after `ms`. Waking on the events rather than on a
 * short poll means the call goes on the moment the window is in front; and a minimized window's timers are slowed to
 * about one a second, so a poll alone could hold a call that long.
 */
function frontMayHaveChanged(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      window.removeEventListener('focus', done);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('focus', done);
    document.addEventListener('visibilitychange', done);
  });
}

/**
 * The phone window's microphone, taken only while a call needs it.
 *
 * Firefox 153 refuses getUserMedia in background pages whatever the stored permission, and in an extension page
 * that is not the focused, visible window the request waits forever even with a remembered "Allow" (measured: see
 * the README's Architecture section). So before each request the window brings itself to the front (the call is
 * then on screen, like a softphone's call window), and after the call it goes back to where it was.
 */
export class PhoneMicrophone {
  private raised = false;

  /**
   * Brings the window to the front before the engine lists the devices and opens the microphone: out of the front,
   * Firefox answers neither, and a minimized window's timers fire at most once a second, so a short wait for the
   * device list became a whole second of every call.
   */
  readonly prepare = async (): Promise<void> => {
    // A desktop's focus-stealing prevention may refuse the raise: then ask the user to click the window. Out of the
    // front, getUserMedia would never settle and the call would hang in Dialing, so give up with a reason after that.
    if (!(await this.bringToFront()) && !(await this.userBringsToFront())) {
      throw new Error(t('callPhoneWindowNotInFront'));
    }
  };

  /** The engine's microphone source (sip.js asks once per call; re-INVITEs reuse the stream). */
  readonly take = async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    await this.prepare();
    return navigator.mediaDevices.getUserMedia(constraints);
  };

  /** Shows a request to click the window and waits (up to {@link CLICK_WAIT_MS}) until it is in front. */
  private async userBringsToFront(): Promise<boolean> {
    const hint = document.querySelector<HTMLElement>('[data-testid="focus-hint"]');
    if (hint) hint.hidden = false;
    const deadline = Date.now() + CLICK_WAIT_MS;
    while (!inFront() && Date.now() < deadline) await frontMayHaveChanged(Math.min(FOCUS_LOOK_MS, deadline - Date.now()));
    if (hint) hint.hidden = true;
    return inFront();
  }

  /**
   * Raises the window (remembering that it was out of the way) and waits until Firefox has it in front, asking again
   * every second (another window may take the focus back meanwhile). Resolves whether it got there.
   */
  async bringToFront(): Promise<boolean> {
    if (inFront()) return true;
    const current = await chrome.windows.getCurrent();
    if (current.id === undefined) return false;
    if (current.state === 'minimized') this.raised = true;
    const deadline = Date.now() + FOCUS_WAIT_MS;
    let asked = 0;
    while (!inFront() && Date.now() < deadline) {
      if (Date.now() - asked >= FOCUS_RETRY_MS) {
        asked = Date.now();
        await chrome.windows.update(current.id, { focused: true, state: 'normal', ...RAISED_SIZE });
        if (inFront()) break;
      }
      await frontMayHaveChanged(Math.min(FOCUS_LOOK_MS, FOCUS_RETRY_MS - (Date.now() - asked), deadline - Date.now()));
    }
    return inFront();
  }

  /** After the last call: minimize again if we raised the window for it. */
  async callsEnded(): Promise<void> {
    if (!this.raised) return;
    this.raised = false;
    const current = await chrome.windows.getCurrent();
    if (current.id !== undefined) await chrome.windows.update(current.id, { state: 'minimized' });
  }
}
