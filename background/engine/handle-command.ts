import type { EngineCommand, EngineCommandMap, EngineReply } from '../../src/messaging/protocol';
import type { Engine } from './engine';

/** The engine methods the commands reach. */
export type CommandTarget = Pick<Engine, 'applySettings' | 'dial' | 'act' | 'saveAccount' | 'accounts' | 'clearHistory' | 'seen' | 'setOnline' | 'signOut' | 'snapshot'>;

/** Every `engine:command` mapped onto the engine's methods; {@link EngineCommandMap} makes a missing one a compile error. */
export function engineCommands(engine: CommandTarget): EngineCommandMap {
  return {
    settings: async ({ settings, managed }) => {
      engine.applySettings(settings, managed);
      return { ok: true };
    },
    dial: ({ target, source, page }) => engine.dial(target, source, page),
    call: ({ command: _command, callId, ...action }) => engine.act(callId, action),
    'save-account': ({ account }) => engine.saveAccount(account),
    'get-account': async () => engine.accounts.view(),
    'export-account': async ({ includePassword }) => engine.accounts.exported(includePassword),
    'clear-history': async () => {
      await engine.clearHistory();
      return { ok: true };
    },
    seen: async () => {
      engine.seen();
      return { ok: true };
    },
    online: async () => {
      engine.setOnline(true);
      return { ok: true };
    },
    'sign-out': async ({ signedOut }) => {
      await engine.signOut(signedOut);
      return { ok: true };
    },
    ping: async () => ({ ok: true }),
    snapshot: async () => engine.snapshot(),
  };
}

/** Runs one `engine:command` (the wire format stays the command union with its `command` tag). */
export function handleCommand(handlers: EngineCommandMap, command: EngineCommand): Promise<EngineReply> {
  // The envelope guard checks only that `command` is a string: an unknown name (or an inherited key such as
  // "constructor") must not reach a handler.
  if (!Object.hasOwn(handlers, command.command)) return Promise.reject(new Error(`Unknown engine command "${command.command}"`));
  const handler = handlers[command.command] as (command: EngineCommand) => Promise<EngineReply>;
  return handler(command);
}
