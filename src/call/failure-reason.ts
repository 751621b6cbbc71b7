/** Why a call did not happen or ended, in words for the user, from a SIP status code (RFC 3261 §21). */
export function callFailureReason(statusCode: number | undefined): string {
  switch (statusCode) {
    case undefined:
      return 'The call failed because the connection to the server was lost.';
    case 486:
    case 600:
      return 'Busy — the other side is on another call.';
    case 404:
    case 604:
      return 'Not found — the server does not know this number.';
    case 603:
      return 'Declined — the other side rejected the call.';
    case 480:
      return 'No answer — the other side is not available right now.';
    case 408:
      return 'No answer — the call timed out.';
    case 487:
      return 'Cancelled.';
    case 401:
    case 407:
      return 'The server refused the call: your username or password is wrong.';
    case 403:
      return 'The server does not allow this call (403 Forbidden).';
    case 484:
      return 'The number is incomplete.';
    case 488:
    case 606:
      return 'The other side cannot handle audio in a way Dialable offers.';
    case 503:
      return 'The server is unavailable right now; try again in a moment.';
    default:
      return `The call failed (${statusCode}).`;
  }
}

/** Why registration failed, in words that say what to do. */
export function registrationFailureReason(kind: 'auth' | 'forbidden' | 'unreachable' | 'timeout' | 'other', detail: { server?: string; code?: number } = {}): string {
  switch (kind) {
    case 'auth':
      return `The server rejected the username or password (${detail.code ?? 401}). Check them in Dialable's options.`;
    case 'forbidden':
      return 'The server refused this account (403). Check the username and domain in the options.';
    case 'unreachable':
      return `Cannot reach ${detail.server ?? 'the server'} — check the address and that the server accepts WebSocket. Dialable keeps trying.`;
    case 'timeout':
      return 'The server did not answer the registration in time. Dialable keeps trying.';
    default:
      return `Registration failed${detail.code ? ` (${detail.code})` : ''}. Dialable keeps trying.`;
  }
}
