import { useEffect, useRef, useState } from 'preact/hooks';
import { canChooseOutput, chooseDevices, type AudioDevice } from '../../src/call/choose-device';
import { t } from '../../src/i18n';
import type { AudioSettings } from '../../src/settings/defaults';
import { missingDeviceNote } from '../shared/device-notes';
import { settingsStore } from '../shared/settings-store';

type SinkAudio = HTMLAudioElement & { setSinkId(id: string): Promise<void> };

/** Options → Audio devices: microphone, speaker and ringing device, ringtone on/off, and a test sound. Saved at once. */
export function AudioDevices() {
  const [audio, setAudio] = useState<AudioSettings | undefined>();
  const [devices, setDevices] = useState<AudioDevice[]>([]);
  const [status, setStatus] = useState('');

  // Counts this page's own saves. A read that began before a save may answer after it with the old value; it is
  // dropped, and the store's change event for the save reads again.
  const edits = useRef(0);

  useEffect(() => {
    const reload = () => {
      const at = edits.current;
      void settingsStore.load().then((s) => {
        if (edits.current === at) setAudio(s.audio);
      });
    };
    reload();
    const stop = settingsStore.watch(reload);
    const list = () =>
      void navigator.mediaDevices
        ?.enumerateDevices()
        .then((all) => setDevices(all.filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput')))
        .catch(() => setDevices([]));
    list();
    navigator.mediaDevices?.addEventListener('devicechange', list);
    return () => {
      stop();
      navigator.mediaDevices?.removeEventListener('devicechange', list);
    };
  }, []);
  if (!audio) return null;

  const outputs = canChooseOutput();
  const inputs = devices.filter((d) => d.kind === 'audioinput');
  const speakers = devices.filter((d) => d.kind === 'audiooutput');
  const unlabelled = devices.length === 0 || devices.every((d) => d.label === '');
  const { missing } = chooseDevices(audio, devices);

  const update = async (patch: Partial<AudioSettings>) => {
    edits.current += 1;
    setAudio({ ...audio, ...patch });
    // Only these fields: the preferences form above saves the rest.
    await settingsStore.update({ audio: patch });
    setStatus(t('audioSaved'));
  };

  const testSound = async () => {
    setStatus(t('audioTestPlaying'));
    try {
      await playTestSound(outputs ? audio.speaker : '');
      setStatus('');
    } catch (error) {
      setStatus(t('audioTestFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <section id="audio" aria-labelledby="audio-title">
      <fieldset>
        <legend id="audio-title">{t('audioLegend')}</legend>
        {unlabelled && (
          <p class="note" data-testid="audio-no-labels">
            {t('audioNoLabels')}
          </p>
        )}
        <label>
          {t('audioMicrophone')}
          <select name="microphone" value={audio.microphone} onChange={(e) => void update({ microphone: e.currentTarget.value })}>
            <DeviceOptions devices={inputs} selected={audio.microphone} unnamed={(n) => t('audioUnnamedMicrophone', n)} />
          </select>
        </label>
        {outputs ? (
          <>
            <label>
              {t('audioSpeaker')}
              <select name="speaker" value={audio.speaker} onChange={(e) => void update({ speaker: e.currentTarget.value })}>
                <DeviceOptions devices={speakers} selected={audio.speaker} unnamed={(n) => t('audioUnnamedSpeaker', n)} />
              </select>
            </label>
            <label>
              {t('audioRinger')}
              <select name="ringer" value={audio.ringer} onChange={(e) => void update({ ringer: e.currentTarget.value })}>
                <DeviceOptions devices={speakers} selected={audio.ringer} unnamed={(n) => t('audioUnnamedSpeaker', n)} first={t('audioSameAsSpeaker')} />
              </select>
            </label>
          </>
        ) : (
          <p class="note">{t('audioNoOutputChoice')}</p>
        )}
        <label>
          <span>
            <input type="checkbox" name="ringtone" checked={audio.ringtone} onChange={(e) => void update({ ringtone: e.currentTarget.checked })} /> {t('audioRingtone')}
          </span>
        </label>
        {missing.map((role) => (
          <p class="note" data-testid="device-note" key={role}>
            {missingDeviceNote(role)}
          </p>
        ))}
        <p>
          <button type="button" data-testid="test-sound" onClick={() => void testSound()}>
            {t('audioTestSound')}
          </button>
        </p>
        <p class="saved" role="status" data-testid="audio-status">
          {status}
        </p>
      </fieldset>
    </section>
  );
}

/** The options of one device list: the default first, then the devices; a saved device that is unplugged stays listed. */
function DeviceOptions({ devices, selected, unnamed, first }: { devices: AudioDevice[]; selected: string; unnamed: (n: number) => string; first?: string }) {
  const listed = devices.filter((d) => d.deviceId !== '' && d.deviceId !== 'default' && d.deviceId !== 'communications');
  const gone = selected !== '' && selected !== 'default' && devices.every((d) => d.deviceId !== '') && !listed.some((d) => d.deviceId === selected);
  return (
    <>
      <option value="">{first ?? t('audioDefaultDevice')}</option>
      {listed.map((d, i) => (
        <option value={d.deviceId} key={d.deviceId}>
          {d.label || unnamed(i + 1)}
        </option>
      ))}
      {gone && <option value={selected}>{unnamed(listed.length + 1)}</option>}
    </>
  );
}

/** A short 440 Hz beep on the chosen output (WebAudio → MediaStream → an audio element with that sink). */
async function playTestSound(sinkId: string): Promise<void> {
  const ctx = new AudioContext();
  const destination = ctx.createMediaStreamDestination();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  gain.gain.value = 0.2;
  osc.frequency.value = 440;
  osc.connect(gain).connect(destination);
  const element = document.createElement('audio') as SinkAudio;
  element.srcObject = destination.stream;
  try {
    if (sinkId && 'setSinkId' in element) await element.setSinkId(sinkId);
    osc.start();
    await element.play();
    await new Promise((r) => setTimeout(r, 600));
  } finally {
    osc.stop();
    element.srcObject = null;
    await ctx.close();
  }
}
