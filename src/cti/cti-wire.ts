/**
 * The CTI page API's wire format (docs/cti.md): what an allowed web page posts (`dialable:command`) and what it gets
 * back (`dialable:reply`, and `dialable:event` after `subscribe`). These names are a public API: CRMs depend on them.
 */
import type { CallState } from '../call/call-state';

export const CTI_COMMANDS = ['status', 'call', 'answer', 'decline', 'hangup', 'hold', 'unhold', 'mute', 'unmute', 'dtmf', 'transfer', 'subscribe'] as const;
export type CtiCommandName = (typeof CTI_COMMANDS)[number];

/** Why a command did nothing; every reply with `ok: false` carries one, with a sentence in `message`. */
export const CTI_ERRORS = ['not-allowed', 'not-registered', 'no-call', 'busy', 'invalid-number', 'invalid-command', 'rate-limited', 'confirm-required', 'failed'] as const;
export type CtiErrorCode = (typeof CTI_ERRORS)[number];

export const CTI_EVENTS = ['REGISTERED', 'UNREGISTERED', 'INCOMING', 'RINGING', 'CONNECTED', 'ON_HOLD', 'RESUMED', 'REMOTE_HOLD', 'HANGUP', 'CANCEL', 'FAILED'] as const;
export type CtiEventName = (typeof CTI_EVENTS)[number];

/** A call as a page sees it: no page address it came from, no history. */
export interface CtiCall {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  displayName: string;
  state: CallState;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  reason?: string;
}

/** A command after the content script's checks (the background checks it again: see validate-envelope.ts). */
export interface CtiRequest {
  command: CtiCommandName;
  callId?: string;
  number?: string;
  digits?: string;
  target?: string;
  /** The page's command was malformed: the background answers `invalid-command` (it has the sentences). */
  invalid?: true;
}

export interface CtiStatus {
  registered: boolean;
  calls: CtiCall[];
}

/** The background's answer; the content script adds `type` and the page's `id`. */
export interface CtiReply {
  ok: boolean;
  error?: CtiErrorCode;
  message?: string;
  callId?: string;
  status?: CtiStatus;
}

export interface CtiEvent {
  event: CtiEventName;
  call?: CtiCall;
}

/** Limits on what a page may send: a number or transfer target, a run of DTMF digits, a call id, the page's id. */
export const CTI_LIMITS = { number: 256, digits: 32, callId: 64, id: 128 } as const;
export const DTMF_DIGITS = /^[0-9A-D*#]+$/i;

/**
 * The command a page posted, checked field by field (the page is hostile: wrong types, huge strings, getters), or
 * undefined. Only own data properties are read, each once.
 */
export function parseCtiCommand(data: unknown): { id: string | number; request: CtiRequest } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const field = (name: string): unknown => {
    const d = Object.getOwnPropertyDescriptor(data, name);
    return d && 'value' in d ? d.value : undefined;
  };
  if (field('type') !== 'dialable:command') return undefined;
  const id: unknown = field('id');
  if (!((typeof id === 'string' && id.length <= CTI_LIMITS.id) || (typeof id === 'number' && Number.isFinite(id)))) return undefined;
  const command: unknown = field('command');
  if (typeof command !== 'string' || !(CTI_COMMANDS as readonly string[]).includes(command)) return { id, request: { command: 'status', invalid: true } };
  const request: CtiRequest = { command: command as CtiCommandName };
  const text = (name: 'callId' | 'number' | 'digits' | 'target', max: number): boolean => {
    const value = field(name);
    if (value === undefined) return true;
    if (typeof value !== 'string' || value.length > max) return false;
    request[name] = value;
    return true;
  };
  const fine = text('callId', CTI_LIMITS.callId) && text('number', CTI_LIMITS.number) && text('digits', CTI_LIMITS.digits) && text('target', CTI_LIMITS.number);
  if (!fine || !isComplete(request)) return { id, request: { command: request.command, invalid: true } };
  return { id, request };
}

/** The arguments each command needs are there and well formed. */
export function isComplete(request: CtiRequest): boolean {
  if (request.invalid) return false;
  if (request.command === 'call') return typeof request.number === 'string' && request.number.trim() !== '';
  if (request.command === 'dtmf') return typeof request.digits === 'string' && DTMF_DIGITS.test(request.digits);
  if (request.command === 'transfer') return typeof request.target === 'string' && request.target.trim() !== '';
  return true;
}
