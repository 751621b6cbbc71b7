import { useEffect, useState } from 'preact/hooks';
import { EMPTY_ACCOUNT, validateAccount, type Account, type AccountErrors, type IceServer } from '../src/settings/account';
import { send } from './use-engine';
import { t, type MessageKey } from '../src/i18n/t';
import { tNodes } from './t-nodes';

type Field = 'server' | 'username' | 'domain' | 'authUsername' | 'password' | 'displayName';

const FIELDS: Array<{ name: Field; label: MessageKey; type: string; placeholder?: MessageKey; hint?: MessageKey }> = [
  { name: 'server', label: 'accountServer', type: 'url', placeholder: 'accountServerPlaceholder' },
  { name: 'username', label: 'accountUsername', type: 'text', placeholder: 'accountUsernamePlaceholder' },
  { name: 'domain', label: 'accountDomain', type: 'text', placeholder: 'accountDomainPlaceholder', hint: 'accountDomainHint' },
  { name: 'authUsername', label: 'accountAuthUsername', type: 'text', placeholder: 'accountAuthUsernamePlaceholder' },
  { name: 'password', label: 'accountPassword', type: 'password' },
  { name: 'displayName', label: 'accountDisplayName', type: 'text', placeholder: 'accountDisplayNamePlaceholder' },
];

/** The account form: validated beside each field before saving; saving registers and reports the outcome. */
export function AccountForm() {
  const [account, setAccount] = useState<Account>(EMPTY_ACCOUNT);
  const [hasPassword, setHasPassword] = useState(false);
  const [ice, setIce] = useState('');
  const [errors, setErrors] = useState<AccountErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void send('ui:get-account', {}).then((view) => {
      if (!view || !('server' in view)) return;
      const { hasPassword: has, ...rest } = view;
      setAccount({ ...rest, password: '' });
      setHasPassword(has);
      setIce(view.iceServers.map(formatIce).join('\n'));
    });
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next = { ...account, iceServers: parseIce(ice) };
    const found = validateAccount(next);
    if (!next.password && !hasPassword) found.password = t('accountPasswordMissing');
    setErrors(found);
    setStatus(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const reply = await send('ui:save-account', { account: next });
      setStatus({ ok: reply.registered, text: reply.message });
      if (next.password) setHasPassword(true);
      setAccount({ ...next, password: '' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="account" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t('accountLegend')}</legend>
        {FIELDS.map((f) => (
          <label key={f.name}>
            {t(f.label)}
            <input
              name={f.name}
              type={f.type}
              placeholder={f.name === 'password' && hasPassword ? t('accountPasswordSaved') : f.placeholder && t(f.placeholder)}
              autoComplete={f.name === 'password' ? 'new-password' : 'off'}
              value={account[f.name]}
              aria-invalid={errors[f.name] ? 'true' : undefined}
              aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
              onInput={(e) => setAccount({ ...account, [f.name]: e.currentTarget.value })}
            />
            {errors[f.name] && (
              <span class="error" id={`${f.name}-error`} data-testid={`error-${f.name}`}>
                {errors[f.name]}
              </span>
            )}
          </label>
        ))}
        <label>
          <span>{tNodes('accountIceServers', <code>stun:host:3478</code>, <code>turn:user:password@host:3478</code>)}</span>
          <textarea name="iceServers" rows={2} value={ice} onInput={(e) => setIce(e.currentTarget.value)} />
          {errors.iceServers && <span class="error">{errors.iceServers}</span>}
        </label>
        <label>
          <span>
            <input type="checkbox" name="register" checked={account.register} onChange={(e) => setAccount({ ...account, register: e.currentTarget.checked })} />{' '}
            {t('accountRegister')}
          </span>
        </label>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t('accountSaving') : t('accountSave')}
          </button>
        </p>
        {status && (
          <p class={status.ok ? 'saved' : 'error'} role="status" data-testid="account-status">
            {status.text}
          </p>
        )}
      </fieldset>
    </form>
  );
}

/** `turn:user:secret@host:3478` ↔ `{ urls: 'turn:host:3478', username, credential }`. */
function parseIce(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(turns?):([^:@]+):([^@]+)@(.+)$/.exec(line);
      return m ? { urls: `${m[1]}:${m[4]}`, username: m[2] as string, credential: m[3] as string } : { urls: line };
    });
}

function formatIce(s: IceServer): string {
  if (!s.username) return s.urls;
  const [scheme, ...rest] = s.urls.split(':');
  return `${scheme}:${s.username}:${s.credential ?? ''}@${rest.join(':')}`;
}
