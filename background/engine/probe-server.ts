/** How long a probe waits for the WebSocket to open. */
const PROBE_TIMEOUT_MS = 5_000;

/** Whether a SIP WebSocket server accepts connections now: opens one (subprotocol `sip`) and closes it at once. */
export type ProbeServer = (url: string) => Promise<boolean>;

export const probeServer: ProbeServer = (url) =>
  new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, 'sip');
    } catch {
      resolve(false);
      return;
    }
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), PROBE_TIMEOUT_MS);
    socket.onopen = () => done(true);
    socket.onerror = () => done(false);
    socket.onclose = () => done(false);
  });
