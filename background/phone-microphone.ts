import browser from 'webextension-polyfill';

const RAISED_SIZE = { width: 380, height: 260 };
const FOCUS_WAIT_MS = 3_000;

/** Whether this window is the one in front: Firefox only lets it use the microphone then. */
function inFront(): boolean {
  return document.hasFocus() && document.visibilityState === 'visible';
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

  /** The engine's microphone source (sip.js asks once per call; re-INVITEs reuse the stream). */
  readonly take = async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    await this.bringToFront();
    return navigator.mediaDevices.getUserMedia(constraints);
  };

  /** Raises the window (remembering that it was out of the way) and waits until Firefox has it in front. */
  async bringToFront(): Promise<void> {
    if (inFront()) return;
    const current = await browser.windows.getCurrent();
    if (current.id === undefined) return;
    if (current.state === 'minimized') this.raised = true;
    await browser.windows.update(current.id, { focused: true, state: 'normal', ...RAISED_SIZE });
    const deadline = Date.now() + FOCUS_WAIT_MS;
    while (!inFront() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  /** After the last call: minimize again if we raised the window for it. */
  async callsEnded(): Promise<void> {
    if (!this.raised) return;
    this.raised = false;
    const current = await browser.windows.getCurrent();
    if (current.id !== undefined) await browser.windows.update(current.id, { state: 'minimized' });
  }
}
