import type { AccountView } from '../../src/messaging/protocol';
import { cleanAccount, EMPTY_ACCOUNT, type Account } from '../../src/settings/account';
import { bindPassword } from '../../src/settings/account-binding';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';

/**
 * The SIP account, kept in the extension's IndexedDB, and whether a changed server, domain or user name dropped the
 * stored password (remembered until a new one is saved, so the options can ask for it).
 */
export class AccountStore {
  account: Account | undefined;
  /** The user signed out in the popup (no registration until they sign in again). */
  signedOut = false;
  private passwordCleared = false;

  async load(): Promise<void> {
    this.account = await secretStore.get<Account>(SECRET_KEYS.account);
    this.passwordCleared = (await secretStore.get<boolean>(SECRET_KEYS.passwordCleared)) ?? false;
    this.signedOut = (await secretStore.get<boolean>(SECRET_KEYS.signedOut)) === true;
  }

  async setSignedOut(signedOut: boolean): Promise<void> {
    this.signedOut = signedOut;
    await secretStore.set(SECRET_KEYS.signedOut, signedOut);
  }

  /** The account for the options page: never the password, only whether there is one. */
  view(): AccountView {
    const { password, ...rest } = this.account ?? EMPTY_ACCOUNT;
    return { ...rest, hasPassword: password !== '', passwordCleared: this.passwordCleared && password === '' };
  }

  /** The account for a settings export: with the password only when the user asked for it. */
  exported(includePassword: boolean): Account {
    const account = this.account ?? EMPTY_ACCOUNT;
    return includePassword ? account : { ...account, password: '' };
  }

  /**
   * Stores the account and answers with what was stored. An empty password keeps the stored one only for the same
   * server, domain and user names (`bindPassword`): otherwise the account waits for its new password.
   */
  async save(input: Account): Promise<Account> {
    const { account, cleared } = bindPassword(this.account, cleanAccount(input));
    this.passwordCleared = account.password === '' && (cleared || this.passwordCleared);
    await secretStore.set(SECRET_KEYS.account, account);
    await secretStore.set(SECRET_KEYS.passwordCleared, this.passwordCleared);
    this.account = account;
    return account;
  }
}
