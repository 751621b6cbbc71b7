import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ORIGIN, offscreenPage, openExtensionPage, setAudioSettings, storedSettings } from './support/extension';
import { PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { waitUntil } from './support/wait-until';

/**
 * Audio devices in Chromium with its fake devices (`--use-fake-device-for-media-stream`: "Fake Default Audio Input",
 * "Fake Audio Input 1" and "2", the same for outputs), against Kamailio and the answering peer: the microphone and
 * speaker chosen in the options are what the engine's call really uses (the offscreen document's track settings and
 * the audio element's sink), and a saved device that is not there falls back to the default with a sentence.
 */
let bed: SipBed;
let options: Page;

type EngineGlobal = { dialableEngine: { localAudio(): MediaTrackSettings | undefined } };

async function storedAudio(): Promise<Record<string, unknown>> {
  return (await storedSettings(bed.browser)).audio;
}

/** Picks the option with this label in one of the options page's device lists; returns its device id. */
async function choose(name: string, label: string): Promise<string> {
  await options.waitForFunction(
    (n, wanted) => [...document.querySelectorAll<HTMLOptionElement>(`select[name="${n}"] option`)].some((o) => o.text === wanted),
    { polling: 100, timeout: 5_000 },
    name,
    label,
  );
  const value = await options.$eval(`select[name="${name}"]`, (select, wanted) => [...(select as HTMLSelectElement).options].find((o) => o.text === wanted)?.value ?? '', label);
  if (!value) throw new Error(`no "${label}" in ${name}`);
  await options.bringToFront();
  await options.select(`select[name="${name}"]`, value);
  await waitForTestId(options, 'audio-status', /Saved/);
  return value;
}

/** Calls the peer from the popup and returns what the engine's call uses: microphone track settings and output sink. */
async function callAndInspect(): Promise<{ microphone: string | undefined; sink: string | undefined }> {
  const popup = bed.popup;
  await popup.bringToFront();
  await popup.click('[data-testid="dial-input"]', { clickCount: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type('[data-testid="dial-input"]', '+44 20 7946 0958');
  await popup.keyboard.press('Enter');
  await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'answered');
  await waitForTestId(popup, 'call-state', /Connected/);
  const offscreen = await offscreenPage(bed.browser);
  // During a call the ringtone element is silent (no source); the call's element plays the remote stream.
  await offscreen.waitForFunction(() => [...document.querySelectorAll('audio')].some((a) => a.srcObject), { polling: 100, timeout: 5_000 });
  const used = await offscreen.evaluate(() => {
    const engine = (globalThis as unknown as EngineGlobal).dialableEngine;
    const element = ([...document.querySelectorAll('audio')] as Array<HTMLAudioElement & { sinkId: string }>).find((a) => a.srcObject);
    return { microphone: engine.localAudio()?.deviceId, sink: element?.sinkId };
  });
  await popup.click('[data-testid="hangup"]');
  await waitForTestId(popup, 'call-state', /Ended/);
  return used;
}

beforeAll(async () => {
  bed = await startSipBed();
  options = await openExtensionPage(bed.browser, 'popup/options/options.html');
  await options.waitForSelector('select[name="microphone"]');
});

afterAll(async () => {
  await bed?.close();
});

describe('audio devices', () => {
  test('the options list the fake microphones and speakers by name (the grant is there, so no hint about names)', async () => {
    await options.waitForFunction(() => document.querySelectorAll('select[name="microphone"] option').length >= 3, { polling: 100, timeout: 5_000 });
    const labels = await options.$$eval('select[name="microphone"] option', (o) => o.map((x) => x.textContent));
    expect(labels).toEqual(['System default', 'Fake Audio Input 1', 'Fake Audio Input 2']);
    expect(await options.$$eval('select[name="speaker"] option', (o) => o.map((x) => x.textContent))).toEqual(['System default', 'Fake Audio Output 1', 'Fake Audio Output 2']);
    expect(await options.$('[data-testid="audio-no-labels"]')).toBeNull();
    await options.click('[data-testid="test-sound"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="audio-status"]')?.textContent === '', { polling: 100, timeout: 5_000 });
  });

  test('the microphone and speaker picked in the options are the ones the call uses', async () => {
    const microphone = await choose('microphone', 'Fake Audio Input 2');
    const speaker = await choose('speaker', 'Fake Audio Output 1');
    expect(await storedAudio()).toMatchObject({ microphone, speaker });
    const used = await callAndInspect();
    expect(used).toEqual({ microphone, sink: speaker });
    expect((await bed.peer.snapshot()).lastInvite?.to).toContain(`sip:${PEER_NUMBER}@`);
  });

  test('the ringtone plays on the chosen ringing device; with the ringtone off an incoming call rings silently', async () => {
    const ringer = await choose('ringer', 'Fake Audio Output 2');
    const offscreen = await offscreenPage(bed.browser);
    // The ringtone element is the engine's first audio element (made when the engine starts).
    const ringtone = () => offscreen.evaluate(() => {
      const element = document.querySelector('audio') as HTMLAudioElement & { sinkId: string };
      return { sink: element.sinkId, playing: element.srcObject !== null };
    });
    const incoming = async (): Promise<{ sink: string; playing: boolean }> => {
      const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
      await bed.popup.bringToFront();
      await bed.popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
      const state = await ringtone();
      await bed.popup.click('[data-testid="decline"]');
      expect(await calling).toMatchObject({ status: 603 });
      await bed.popup.waitForFunction(() => !document.querySelector('[data-testid="answer"]'), { polling: 100, timeout: 5_000 });
      return state;
    };
    expect(await incoming()).toEqual({ sink: ringer, playing: true });
    await options.bringToFront();
    await options.click('input[name="ringtone"]');
    // "Saved" may still be on screen from an earlier change: wait for the store itself.
    await waitUntil(async () => (await storedAudio()).ringtone === false, 5_000, 'the ringtone switch saved as off');
    expect(await waitForTestId(options, 'audio-status', /Saved/)).toBeTruthy();
    // The service worker hands the new settings to the engine.
    await offscreen.waitForFunction(() => (globalThis as unknown as { dialableEngine: { devices: { ringtone: boolean } } }).dialableEngine.devices.ringtone === false, { polling: 100, timeout: 5_000 });
    expect(await incoming()).toEqual({ sink: ringer, playing: false });
  });

  test('a saved microphone and speaker that are not plugged in: the call uses the defaults, and the options and popup say so', async () => {
    await setAudioSettings(bed.browser, { microphone: 'a-headset-that-is-unplugged', speaker: 'its-earpiece' });
    expect(await waitForTestId(options, 'device-note', /chosen microphone is not connected.*default microphone until it is back/)).toBeTruthy();
    expect(await waitForTestId(bed.popup, 'device-note', /chosen microphone is not connected/)).toBeTruthy();
    const notes = await bed.popup.$$eval('[data-testid="device-note"]', (els) => els.map((el) => el.textContent));
    expect(notes).toEqual([
      'The chosen microphone is not connected. Dialable uses the default microphone until it is back.',
      'The chosen speaker is not connected. Dialable plays calls on the default output until it is back.',
    ]);
    expect(await callAndInspect()).toEqual({ microphone: 'default', sink: '' });
  });

  test('choosing listed devices again clears the notes', async () => {
    const microphone = await choose('microphone', 'Fake Audio Input 1');
    await choose('speaker', 'Fake Audio Output 1');
    await bed.popup.bringToFront();
    await bed.popup.waitForFunction(() => !document.querySelector('[data-testid="device-note"]'), { polling: 100, timeout: 5_000 });
    expect(await options.$('[data-testid="device-note"]')).toBeNull();
    expect((await callAndInspect()).microphone).toBe(microphone);
  });

  test('without the microphone grant the browser hides device names, and the options say why', async () => {
    await bed.browser.defaultBrowserContext().clearPermissionOverrides();
    const fresh = await openExtensionPage(bed.browser, 'popup/options/options.html');
    expect(await waitForTestId(fresh, 'audio-no-labels', /Device names appear once Dialable may use the microphone/)).toBeTruthy();
    await fresh.close();
    await bed.browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  });
});
