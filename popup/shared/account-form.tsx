import { useEffect, useState } from 'preact/hooks';
import { EMPTY_ACCOUNT, extensionModeOf, validateAccount, type Account, type AccountErrors, type ExtensionMode, type IceServer } from '../../src/settings/account';
import { sameBinding } from '../../src/settings/account-binding';
import { effectiveAccount, isLocked } from '../../src/settings/managed';
import { LockedNote } from './locked-note';
import { useManaged } from './settings-store';
import { send } from './use-engine';
import { t, type MessageKey } from '../../src/i18n/t';
import { tNodes } from './t-nodes';

type Field = 'server' | 'backupServer' | 'outboundProxy' | 'username' | 'domain' | 'authUsername' | 'password' | 'displayName';
type FieldSpec = { name: Field; label: MessageKey; type: string; placeholder?: MessageKey; hint?: MessageKey };

const FIELDS: FieldSpec[] = [
  { name: 'server', label: 'accountServer', type: 'url', placeholder: 'accountServerPlaceholder' },
  { name: 'username', label: 'accountUsername', type: 'text', placeholder: 'accountUsernamePlaceholder' },
  { name: 'domain', label: 'accountDomain', type: 'text', placeholder: 'accountDomainPlaceholder' },
  { name: 'authUsername', label: 'accountAuthUsername', type: 'text', placeholder: 'accountAuthUsernamePlaceholder' },
  { name: 'password', label: 'accountPassword', type: 'password' },
  { name: 'displayName', label: 'accountDisplayName', type: 'text', placeholder: 'accountDisplayNamePlaceholder' },
];

/** Folded away below the account's fields: most accounts need neither, and the welcome page stays short. */
const ADVANCED: FieldSpec[] = [
  { name: 'backupServer', label: 'accountBackupServer', type: 'url', placeholder: 'accountBackupServerPlaceholder', hint: 'accountBackupServerHint' },
  { name: 'outboundProxy', label: 'accountOutboundProxy', type: 'text', placeholder: 'accountOutboundProxyPlaceholder', hint: 'accountOutboundProxyHint' },
];

export interface AccountFormProps {
  /** Placeholders to show instead of the generic ones (the welcome page's server presets); never filled in. */
  examples?: Partial<Record<Field, string>>;
  /** After saving: how registering went. */
  onSaved?: (reply: { registered: boolean; message: string }) => void;
}

type LockableField = 'server' | 'backupServer' | 'outboundProxy' | 'domain' | 'username';
const LOCKABLE = new Set<Field>(['server', 'backupServer', 'outboundProxy', 'domain', 'username']);
const isLockable = (f: Field): f is LockableField => LOCKABLE.has(f);

/**
 * The account form (options page and welcome page): validated beside each field before saving; saving registers
 * and reports the outcome. Fields the administrator set are shown locked. `options.html#password` (the popup's
 * fix-it link) focuses that field.
 */
export function AccountForm({ examples = {}, onSaved }: AccountFormProps = {}) {
  const managed = useManaged() ?? {};
  const [account, setAccount] = useState<Account>(EMPTY_ACCOUNT);
  const [hasPassword, setHasPassword] = useState(false);
  // What the stored password was entered for, and whether a change elsewhere (import, policy) dropped it.
  const [saved, setSaved] = useState<Account>(EMPTY_ACCOUNT);
  const [cleared, setCleared] = useState(false);
  const [ice, setIce] = useState('');
  const [errors, setErrors] = useState<AccountErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [showAdvanced, setShowAdvanced] = useState(false);

  useEffect(() => {
    void send('ui:get-account', {}).then((view) => {
      if (!view || !('server' in view)) return;
      const { hasPassword: has, passwordCleared, ...rest } = view;
      // An account stored before the backup server and outbound proxy existed has neither key: they read as empty.
      setAccount({ ...EMPTY_ACCOUNT, ...rest, password: '' });
      setSaved({ ...EMPTY_ACCOUNT, ...rest, password: '' });
      setHasPassword(has);
      setCleared(passwordCleared === true);
      setIce(view.iceServers.map(formatIce).join('\n'));
      focusFieldFromHash();
    });
  }, []);

  // The stored password goes only to the server and account it was entered for: another one needs it typed again.
  const bindingChanged = hasPassword && !sameBinding(saved, effectiveAccount(account, managed));
  const passwordNeeded = !hasPassword || bindingChanged;
  const why = bindingChanged ? t('passwordBindingChanged') : cleared && !hasPassword ? t('passwordCleared') : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const next = effectiveAccount({ ...account, iceServers: parseIce(ice) }, managed);
    const found = validateAccount(next);
    if (!next.password && passwordNeeded) found.password = why ?? t('accountPasswordMissing');
    setErrors(found);
    setStatus(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const reply = await send('ui:save-account', { account: next });
      setStatus({ ok: reply.registered, text: reply.message });
      onSaved?.(reply);
      setHasPassword(next.password !== '' || !passwordNeeded);
      setCleared(false);
      setSaved({ ...next, password: '' });
      setAccount({ ...next, password: '' });
    } finally {
      setBusy(false);
    }
  };

  // Open whenever one of its fields holds something, an error or a policy value: nothing set is ever hidden.
  const advancedInUse = ADVANCED.some((f) => account[f.name] || errors[f.name] || isLocked(managed, f.name as LockableField));

  const field = (f: FieldSpec) => {
    const locked = isLockable(f.name) && isLocked(managed, f.name);
    const asks = f.name === 'password' && why !== undefined && !errors.password;
    const described = [f.hint && `${f.name}-hint`, errors[f.name] && `${f.name}-error`, locked && `${f.name}-locked`, asks && 'password-why'].filter(Boolean).join(' ');
    return (
      <label key={f.name}>
        {t(f.label)}
        <input
          name={f.name}
          type={f.type}
          placeholder={f.name === 'password' && hasPassword ? t('accountPasswordSaved') : (examples[f.name] ?? (f.placeholder && t(f.placeholder)))}
          autoComplete={f.name === 'password' ? 'new-password' : 'off'}
          value={locked ? managed[f.name as LockableField] : account[f.name]}
          disabled={locked}
          required={f.name === 'password' && passwordNeeded}
          aria-invalid={errors[f.name] ? 'true' : undefined}
          aria-describedby={described || undefined}
          onInput={(e) => setAccount({ ...account, [f.name]: e.currentTarget.value })}
        />
        {f.hint && (
          <span class="note" id={`${f.name}-hint`}>
            {t(f.hint)}
          </span>
        )}
        {locked && <LockedNote field={f.name} />}
        {asks && (
          <span class="note" id="password-why" data-testid="password-why">
            {why}
          </span>
        )}
        {errors[f.name] && (
          <span class="error" id={`${f.name}-error`} data-testid={`error-${f.name}`}>
            {errors[f.name]}
          </span>
        )}
      </label>
    );
  };

  return (
    <form id="account" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t('accountLegend')}</legend>
        {FIELDS.map(field)}
        {/* After the account's own fields, not between server and username: Tab goes from field to field there. */}
        <details open={showAdvanced || advancedInUse} onToggle={(e) => setShowAdvanced(e.currentTarget.open)}>
          <summary>{t('accountAdvancedSummary')}</summary>
          {ADVANCED.map(field)}
        </details>
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
        <label>
          {t('accountExtensionMode')}
          <select name="extensionMode" value={extensionModeOf(account)} onChange={(e) => setAccount({ ...account, extensionMode: e.currentTarget.value as ExtensionMode })}>
            <option value="dtmf">{t('accountExtensionModeDtmf')}</option>
            <option value="comma">{t('accountExtensionModeComma')}</option>
            <option value="star">{t('accountExtensionModeStar')}</option>
          </select>
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

/** The popup's fix-it link opens the options page at `#password` (or `#server`, …): put the cursor in that field. */
function focusFieldFromHash(): void {
  const name = location.hash.slice(1);
  if (![...FIELDS, ...ADVANCED].some((f) => f.name === name)) return;
  const input = document.querySelector<HTMLInputElement>(`#account [name="${name}"]`);
  // A field folded away in the closed "backup server and outbound proxy" section cannot take the focus.
  input?.closest('details')?.setAttribute('open', '');
  input?.focus();
  input?.scrollIntoView({ block: 'center' });
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
