import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { AccountForm } from '../shared/account-form';
import { presetExamples, SERVER_PRESETS, type ServerPreset } from './server-presets';
import { StepState } from './step-state';

/**
 * Welcome step 2: pick the kind of server (Asterisk, FreeSWITCH, Kamailio, another provider), then the options
 * page's own account form with that server's examples as placeholders. The form mounts only once a preset is
 * chosen, so merely opening the welcome page asks nothing of the engine.
 */
export function WelcomeAccountStep({ onSaved }: { onSaved: (reply: { registered: boolean; message: string }) => void }) {
  const [preset, setPreset] = useState<ServerPreset | undefined>();
  const [saved, setSaved] = useState(false);
  const chosen = preset && presetExamples(preset);
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">{t('welcomeAccountTitle')}</h2>
      <StepState id="account" done={saved} />
      <fieldset>
        <legend>{t('welcomePresetLegend')}</legend>
        <p class="note">{t('welcomePresetChoose')}</p>
        {SERVER_PRESETS.map((p) => (
          <label class="switch" key={p}>
            <span>
              <input type="radio" name="preset" value={p} data-testid={`preset-${p}`} checked={preset === p} onChange={() => setPreset(p)} /> {presetExamples(p).label}
            </span>
          </label>
        ))}
      </fieldset>
      {chosen && (
        <>
          <p class="note" data-testid="preset-hint">
            {chosen.hint}
          </p>
          <AccountForm
            examples={chosen.examples}
            onSaved={(reply) => {
              setSaved(true);
              onSaved(reply);
            }}
          />
        </>
      )}
    </section>
  );
}
