import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { MicrophoneStep, type MicState } from './microphone-step';
import { RegistrationCheck } from './registration-check';
import { StepState } from './step-state';
import { WelcomeAccountStep } from './welcome-account-step';
import { WelcomeCountryStep } from './welcome-country-step';

/**
 * The page opened on install: (1) the microphone grant, (2) the SIP account with examples per server, (3) a
 * registration check against the real server, (4) the default country. Each step says whether it is done.
 */
export function WelcomePage() {
  const [mic, setMic] = useState<MicState>('unknown');
  const [registered, setRegistered] = useState(false);
  const [country, setCountry] = useState(false);
  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <MicrophoneStep onState={setMic} status={<StepState id="microphone" done={mic === 'granted'} />} />
      <WelcomeAccountStep onSaved={(reply) => setRegistered(reply.registered)} />
      <RegistrationCheck />
      <WelcomeCountryStep onDone={setCountry} />
      {mic === 'granted' && registered && country && (
        <p class="saved" data-testid="welcome-finished">
          {t('welcomeFinished')}
        </p>
      )}
    </main>
  );
}
