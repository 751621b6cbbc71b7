import { useState } from 'preact/hooks';
import { applyDialRules } from '../../src/phone/dial-rules';
import { parsePhone } from '../../src/phone/parse-phone';
import { AUTO_ANSWER_CHOICES, type Settings } from '../../src/settings/defaults';
import type { DialRewrite } from '../../src/settings/dial-rules-schema';
import { t } from '../../src/i18n/t';
import { LockedNote } from '../shared/locked-note';
import { useManaged } from '../shared/settings-store';
import { tNodes } from '../shared/t-nodes';

/** Dial rules and DTMF, with a live "this number will be dialed as …" preview. */
export function CallingFields({ settings, onChange, country }: { settings: Settings; onChange: (s: Settings) => void; country: string | undefined }) {
  const c = settings.calling;
  const rules = c.dialRules;
  const [sample, setSample] = useState('+44 20 7946 0958');
  const [rewrites, setRewrites] = useState(rules.rewrites.map(formatRewrite).join('\n'));
  const update = (patch: Partial<Settings['calling']['dialRules']>) =>
    onChange({ ...settings, calling: { ...c, dialRules: { ...rules, ...patch } } });
  const parsed = parsePhone(sample, country);
  const preview = parsed ? applyDialRules(parsed.e164, rules, country) : undefined;
  const managedAutoAnswer = useManaged()?.autoAnswer;
  const setCalling = (patch: Partial<Settings['calling']>) => onChange({ ...settings, calling: { ...c, ...patch } });
  const autoAnswer = managedAutoAnswer ?? c.autoAnswer;
  // A policy may set a delay the list does not offer: it is shown as it is.
  const delays: readonly number[] = AUTO_ANSWER_CHOICES.includes(autoAnswer as (typeof AUTO_ANSWER_CHOICES)[number]) ? AUTO_ANSWER_CHOICES : [...AUTO_ANSWER_CHOICES, autoAnswer];

  return (
    <fieldset>
      <legend>{t('dialingLegend')}</legend>
      <label>
        {t('dialingPlus')}
        <select name="plus" value={rules.plus} onChange={(e) => update({ plus: e.currentTarget.value as typeof rules.plus })}>
          <option value="keep">{t('dialingPlusKeep')}</option>
          <option value="strip">{t('dialingPlusStrip')}</option>
          <option value="idd">{t('dialingPlusIdd')}</option>
          <option value="national">{t('dialingPlusNational')}</option>
        </select>
      </label>
      <label>
        {t('dialingIdd')}
        <input name="idd" value={rules.idd} inputMode="numeric" onInput={(e) => update({ idd: e.currentTarget.value.replace(/\D/g, '') })} />
      </label>
      <label>
        {t('dialingOutside')}
        <input name="outsidePrefix" value={rules.outsidePrefix} inputMode="numeric" onInput={(e) => update({ outsidePrefix: e.currentTarget.value.replace(/[^0-9*#]/g, '') })} />
      </label>
      <label>
        <span>{tNodes('dialingRewrites', <code>{t('dialingRewriteSyntax')}</code>, <code>[min-max]</code>)}</span>
        <textarea
          name="rewrites"
          rows={3}
          value={rewrites}
          onInput={(e) => {
            setRewrites(e.currentTarget.value);
            update({ rewrites: parseRewrites(e.currentTarget.value) });
          }}
        />
      </label>
      <label>
        {t('dialingTry')}
        <input name="previewNumber" value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
      </label>
      <p data-testid="dial-preview" aria-live="polite">
        {preview ? t('dialingPreview', preview) : t('dialingPreviewEmpty')}
      </p>
      <label>
        {t('dialingDtmf')}
        <select name="dtmf" value={c.dtmf} onChange={(e) => onChange({ ...settings, calling: { ...c, dtmf: e.currentTarget.value as typeof c.dtmf } })}>
          <option value="rfc4733">{t('dialingDtmfRfc4733')}</option>
          <option value="info">{t('dialingDtmfInfo')}</option>
        </select>
      </label>
      <label>
        {t('dialingExtensionDelay')}
        <input
          name="extensionDelay"
          type="number"
          // No min/max: the browser's own check would block the form without saying which field; ours says why.
          step="any"
          value={c.extensionDelay}
          aria-describedby="extensionDelay-hint"
          onInput={(e) => onChange({ ...settings, calling: { ...c, extensionDelay: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) } })}
        />
        <span class="note" id="extensionDelay-hint">
          {t('dialingExtensionDelayHint')}
        </span>
      </label>
      <label>
        {t('optionsMaxLines')}
        <select name="maxLines" aria-describedby="max-lines-help" value={String(c.maxLines)} onChange={(e) => setCalling({ maxLines: Number(e.currentTarget.value) })}>
          {[2, 3, 4].map((n) => (
            <option value={String(n)} key={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p class="note" id="max-lines-help">
        {t('optionsMaxLinesHelp')}
      </p>
      <label>
        {t('callingDndResponse')}
        <select name="dndResponse" value={String(c.dndResponse)} onChange={(e) => setCalling({ dndResponse: e.currentTarget.value === '480' ? 480 : 486 })}>
          <option value="486">{t('callingDndResponse486')}</option>
          <option value="480">{t('callingDndResponse480')}</option>
        </select>
      </label>
      <label>
        {t('callingAutoAnswer')}
        <select
          name="autoAnswer"
          value={String(autoAnswer)}
          disabled={managedAutoAnswer !== undefined}
          aria-describedby={managedAutoAnswer !== undefined ? 'autoAnswer-locked' : 'autoAnswer-note'}
          onChange={(e) => setCalling({ autoAnswer: Number(e.currentTarget.value) })}
        >
          {delays.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {seconds === 0 ? t('callingAutoAnswerOff') : t('callingAutoAnswerAfter', String(seconds))}
            </option>
          ))}
        </select>
      </label>
      {managedAutoAnswer !== undefined && <LockedNote field="autoAnswer" />}
      <label>
        <input type="checkbox" name="intercom" checked={c.intercom} aria-describedby="autoAnswer-note" onChange={(e) => setCalling({ intercom: e.currentTarget.checked })} /> {t('callingIntercom')}
      </label>
      <p class="note" id="autoAnswer-note">
        {t('callingAutoAnswerNote')}
      </p>
    </fieldset>
  );
}

function parseRewrites(text: string): DialRewrite[] {
  return text
    .split('\n')
    .map((line) => /^\s*([0-9*#+]*)\s*(?:→|->)\s*([0-9*#+]*)\s*(?:\[(\d*)-(\d*)\])?\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== '')
    .map((m) => ({
      match: m[1] as string,
      replace: m[2] as string,
      ...(m[3] ? { minLength: Number(m[3]) } : {}),
      ...(m[4] ? { maxLength: Number(m[4]) } : {}),
    }));
}

function formatRewrite(r: DialRewrite): string {
  const len = r.minLength !== undefined || r.maxLength !== undefined ? ` [${r.minLength ?? ''}-${r.maxLength ?? ''}]` : '';
  return `${r.match} → ${r.replace}${len}`;
}
