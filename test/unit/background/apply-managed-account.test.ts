import { describe, expect, test } from 'vitest';
import { applyManagedAccount } from '../../../background/worker/apply-managed-account';
import type { AccountView, EngineCommand } from '../../../src/messaging/protocol';
import { EMPTY_ACCOUNT } from '../../../src/settings/account';

/** A stand-in for the engine that records commands (the real engine runs in the browser tests). */
function engineWith(view: AccountView) {
  const sent: EngineCommand[] = [];
  const engine = async (command: EngineCommand) => {
    sent.push(command);
    return command.command === 'get-account' ? view : { registered: true, message: 'ok' };
  };
  return { engine, sent };
}

const { password: _, ...rest } = EMPTY_ACCOUNT;
const saved: AccountView = { ...rest, server: 'wss://old.example/ws', username: 'alice', domain: 'old.example', hasPassword: true };

describe('applyManagedAccount: the stored account follows the policy', () => {
  test('nothing managed: the engine is not even asked', async () => {
    const { engine, sent } = engineWith(saved);
    expect(await applyManagedAccount({ detectionEnabled: false }, engine)).toBe(false);
    expect(sent).toEqual([]);
  });

  test('another managed server: saved again with it and an empty password (the engine drops the stored one: another server)', async () => {
    const { engine, sent } = engineWith(saved);
    expect(await applyManagedAccount({ server: 'wss://pbx.example.com:8089/ws' }, engine)).toBe(true);
    expect(sent[1]).toEqual({ command: 'save-account', account: { ...rest, server: 'wss://pbx.example.com:8089/ws', username: 'alice', domain: 'old.example', password: '' } });
  });

  test('a managed backup server or outbound proxy that differs from the stored one: saved again with it, password empty', async () => {
    for (const managed of [{ backupServer: 'wss://pbx2.example.com/ws' }, { outboundProxy: 'sip:proxy.example.com;lr' }]) {
      const { engine, sent } = engineWith(saved);
      expect(await applyManagedAccount(managed, engine)).toBe(true);
      expect(sent[1]).toEqual({ command: 'save-account', account: { ...rest, server: saved.server, username: 'alice', domain: 'old.example', ...managed, password: '' } });
    }
  });

  test('an account stored before the two fields existed matches a policy that sets them empty: no re-registration', async () => {
    const { backupServer: _b, outboundProxy: _p, ...old } = saved;
    const { engine, sent } = engineWith(old as AccountView);
    expect(await applyManagedAccount({ backupServer: '', outboundProxy: '' }, engine)).toBe(false);
    expect(sent.map((c) => c.command)).toEqual(['get-account']);
  });

  test('already matching: no re-registration', async () => {
    const { engine, sent } = engineWith(saved);
    expect(await applyManagedAccount({ server: saved.server, domain: saved.domain }, engine)).toBe(false);
    expect(sent.map((c) => c.command)).toEqual(['get-account']);
  });

  test('no saved password or no username yet: left for the user to finish in the form', async () => {
    for (const view of [{ ...saved, hasPassword: false }, { ...saved, username: '' }]) {
      const { engine, sent } = engineWith(view);
      expect(await applyManagedAccount({ server: 'wss://pbx.example.com/ws' }, engine)).toBe(false);
      expect(sent.map((c) => c.command)).toEqual(['get-account']);
    }
  });
});
