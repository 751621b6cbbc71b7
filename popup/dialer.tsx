import { useState } from 'preact/hooks';

export interface DialerProps {
  initialNumber: string;
  initialExt: string;
}

/**
 * The dialer. For now it shows the number a click on a page asked for; the SIP engine issue turns the button
 * into a real call and adds the call controls.
 */
export function Dialer({ initialNumber, initialExt }: DialerProps) {
  const [number, setNumber] = useState(initialExt ? `${initialNumber};ext=${initialExt}` : initialNumber);
  return (
    <main>
      <h1>Dialable</h1>
      <label>
        Number
        <input
          data-testid="dial-input"
          type="tel"
          autoComplete="off"
          value={number}
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
      </label>
      <button data-testid="dial" type="button" disabled>
        Call
      </button>
      <p class="note" data-testid="registration">
        No SIP account is set up yet.
      </p>
    </main>
  );
}
