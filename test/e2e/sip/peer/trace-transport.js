// Plain JavaScript, no build step, shared by three callers: the peer page (peer.js, beside this file), the call
// bench's bare caller (test/bench/bare-caller/, served with this folder at /peer/) and the bench's engine probe
// (test/bench/call-probes.ts, which inlines this file's text into code it evaluates in the offscreen document).

/**
 * Calls `record(dir, line, cseq)` for every SIP message the sip.js `transport` sends ('out') or receives ('in'),
 * with the message's first line and CSeq, as it passes.
 */
export function traceTransport(transport, record) {
  const note = (dir, message) => {
    const text = String(message);
    record(dir, text.slice(0, text.indexOf('\r\n')), /^CSeq:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '');
  };
  const send = transport.send.bind(transport);
  transport.send = (message) => {
    note('out', message);
    return send(message);
  };
  const onMessage = transport.onMessage;
  transport.onMessage = (message) => {
    note('in', message);
    onMessage?.(message);
  };
}
