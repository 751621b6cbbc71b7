import { render } from 'preact';
import { MicrophoneStep } from './microphone-step';

render(
  <main>
    <h1>Welcome to Dialable</h1>
    <p>Dialable turns phone numbers on web pages into one-click calls through your SIP account.</p>
    <MicrophoneStep />
    <h2>2. Your SIP account</h2>
    <p>
      <a href="options.html#account">Enter your SIP server and account in the options</a> (examples for Asterisk, FreeSWITCH and Kamailio are in the README).
    </p>
  </main>,
  document.getElementById('app') as HTMLElement,
);
