import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { MicrophoneBlockedHelp } from './microphone-blocked-help';

export type MicState = 'unknown' | 'granted' | 'prompt' | 'denied' | 'missing' | 'temporary';

/**
 * Obtains the microphone grant for the extension's origin. The engine runs in an offscreen document, which cannot
 * show a permission prompt: a visible extension page has to ask once.
 */
export function MicrophoneStep({ onState, status }: { onState?: (state: MicState) => void; status?: ComponentChildren } = {}) {
  const [state, setState] = useState<MicState>('unknown');
  useEffect(() => onState?.(state), [state]);

  useEffect(() => {
    void navigator.permissions
      .query({ name: 'microphone' as PermissionName })
      .then((status) => {
        setState(status.state as MicState);
        status.onchange = () => setState(status.state as MicState);
      })
      .catch(() => setState('prompt'));
  }, []);

  const ask = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      // Only the grant is needed now; the engine opens the microphone per call and closes it afterwards.
      for (const track of stream.getTracks()) track.stop();
      // Firefox without "Remember this decision" allows this page only, for now: the engine's window would be asked
      // again (and cannot answer while minimized), so say how to make it stick.
      const after = await navigator.permissions
        .query({ name: 'microphone' as PermissionName })
        .then((s) => s.state)
        .catch(() => 'granted' as PermissionState);
      setState(after === 'granted' ? 'granted' : 'temporary');
    } catch (error) {
      setState(error instanceof DOMException && error.name === 'NotFoundError' ? 'missing' : 'denied');
    }
  };

  return (
    <section aria-labelledby="mic-title">
      <h2 id="mic-title">1. Allow the microphone</h2>
      {status}
      {state === 'granted' ? (
        <p class="saved" data-testid="microphone-state">
          The microphone is allowed. Dialable opens it only during calls.
        </p>
      ) : (
        <>
          <p>Dialable needs your microphone for calls. Your browser asks once; Dialable opens it only during calls.</p>
          <button type="button" class="good" data-testid="allow-microphone" onClick={() => void ask()}>
            Allow the microphone
          </button>
          {state === 'denied' && (
            <p class="error" data-testid="microphone-state">
              The microphone is blocked for Dialable. Click the lock or tune icon at the left of the address bar, set Microphone to
              "Allow", then press the button again.
            </p>
          )}
          {state === 'denied' && <MicrophoneBlockedHelp />}
          {state === 'temporary' && (
            <p class="error" data-testid="microphone-state">
              The microphone was allowed for this page only. Press the button again and tick "Remember this decision" in
              the browser's question, so Dialable can use it for calls.
            </p>
          )}
          {state === 'missing' && (
            <p class="error" data-testid="microphone-state">
              No microphone was found. Plug in a headset, then press the button again.
            </p>
          )}
        </>
      )}
    </section>
  );
}
