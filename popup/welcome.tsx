import { render } from 'preact';
import { localizeDocument } from '../src/i18n/localize-document';
import { t } from '../src/i18n/t';
import { MicrophoneStep } from './microphone-step';

localizeDocument(document, 'welcomeTitle');
render(
  <main>
    <h1>{t('welcomeHeading')}</h1>
    <p>{t('welcomeIntro')}</p>
    <MicrophoneStep />
    <h2>{t('welcomeAccountHeading')}</h2>
    <p>
      <a href="options.html#account">{t('welcomeAccountLink')}</a> {t('welcomeAccountExamples')}
    </p>
  </main>,
  document.getElementById('app') as HTMLElement,
);
