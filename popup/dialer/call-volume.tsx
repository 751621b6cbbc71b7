import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { AudioSettings } from '../../src/settings/defaults';
import { settingsStore } from '../shared/settings-store';

/** The call audio volume (0–100 %), applied by the engine to the remote audio and kept in the settings. */
export function CallVolume({ audio }: { audio: AudioSettings }) {
  const [volume, setVolume] = useState(audio.volume);
  useEffect(() => setVolume(audio.volume), [audio.volume]);
  const change = async (value: number) => {
    setVolume(value);
    // Only the volume changes, whatever another page saved meanwhile.
    await settingsStore.update({ audio: { volume: value } });
  };
  return (
    <label class="row switch">
      <span>{t('dialerVolume')}</span>
      <input
        class="grow"
        data-testid="volume"
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(volume * 100)}
        aria-valuetext={`${Math.round(volume * 100)} %`}
        onInput={(e) => void change(Number(e.currentTarget.value) / 100)}
      />
    </label>
  );
}
