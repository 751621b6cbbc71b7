import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { MicrophoneBlockedHelp } from './microphone-blocked-help';
import { t } from '../../src/i18n/t';

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
      <h2 id="mic-title">{t('micHeading')}</h2>
      {status}
      {state === 'granted' ? (
        <p class="saved" data-testid="microphone-state">
          {t('micGranted')}
        </p>
      ) : (
        <>
          <p>{t('micExplain')}</p>
          <button type="button" class="good" data-testid="allow-microphone" onClick={() => void ask()}>
            {t('micAllow')}
          </button>
          {state === 'denied' && (
            <p class="error" data-testid="microphone-state">
              {t('micDenied')}
            </p>
          )}
          {state === 'denied' && <MicrophoneBlockedHelp />}
          {state === 'temporary' && (
            <p class="error" data-testid="microphone-state">
              {t('micTemporary')}
            </p>
          )}
          {state === 'missing' && (
            <p class="error" data-testid="microphone-state">
              {t('micMissing')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
