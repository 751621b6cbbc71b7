import { useState } from 'preact/hooks';
import { applyDialRules } from '../src/phone/dial-rules';
import { parsePhone } from '../src/phone/parse-phone';
import type { Settings } from '../src/settings/defaults';
import type { DialRewrite } from '../src/settings/dial-rules-schema';

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

  return (
    <fieldset>
      <legend>Dialing</legend>
      <label>
        The + of international numbers
        <select name="plus" value={rules.plus} onChange={(e) => update({ plus: e.currentTarget.value as typeof rules.plus })}>
          <option value="keep">Keep it (+44…)</option>
          <option value="strip">Remove it (44…)</option>
          <option value="idd">Replace it with the international prefix</option>
          <option value="national">National format for my country, international prefix for others</option>
        </select>
      </label>
      <label>
        International prefix
        <input name="idd" value={rules.idd} inputMode="numeric" onInput={(e) => update({ idd: e.currentTarget.value.replace(/\D/g, '') })} />
      </label>
      <label>
        Outside-line prefix (dialed first, e.g. 0 or 9)
        <input name="outsidePrefix" value={rules.outsidePrefix} inputMode="numeric" onInput={(e) => update({ outsidePrefix: e.currentTarget.value.replace(/[^0-9*#]/g, '') })} />
      </label>
      <label>
        Prefix rewrites, in order (one per line: <code>match → replace</code>, optional <code>[min-max]</code> length)
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
        Try a number
        <input name="previewNumber" value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
      </label>
      <p data-testid="dial-preview" aria-live="polite">
        {preview ? `This number will be dialed as ${preview}` : 'Type a number to see how it will be dialed.'}
      </p>
      <label>
        Keypad tones during calls (DTMF)
        <select name="dtmf" value={c.dtmf} onChange={(e) => onChange({ ...settings, calling: { ...c, dtmf: e.currentTarget.value as typeof c.dtmf } })}>
          <option value="rfc4733">In the audio stream (RFC 4733, recommended)</option>
          <option value="info">As SIP INFO messages</option>
        </select>
      </label>
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
