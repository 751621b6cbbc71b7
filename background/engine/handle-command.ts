import type { EngineCommand, EngineReply } from '../../src/messaging/protocol';
import type { Engine } from './engine';

/** Maps the one `engine:command` message onto the engine's methods. */
export async function handleCommand(engine: Engine, command: EngineCommand): Promise<EngineReply> {
  switch (command.command) {
    case 'settings':
      engine.applySettings(command.settings);
      return { ok: true };
    case 'dial':
      return engine.dial(command.target, command.source, command.page);
    case 'call': {
      const { callId, ...rest } = command;
      const { command: _command, ...action } = rest;
      return engine.act(callId, action);
    }
    case 'save-account':
      return engine.saveAccount(command.account);
    case 'get-account':
      return engine.accountView();
    case 'export-account':
      return engine.exportAccount(command.includePassword);
    case 'clear-history':
      await engine.clearHistory();
      return { ok: true };
    case 'seen':
      engine.seen();
      return { ok: true };
    case 'online':
      engine.online();
      return { ok: true };
    case 'ping':
      return { ok: true };
  }
}
