import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallLogRecord } from '../../../src/crm/call-record';

/** One request the receiver saw. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/**
 * A CRM stand-in on 127.0.0.1 (a loopback origin, so plain http is allowed): POST /log is the call-log webhook
 * (answers 204), GET /pop* the screen-pop page (a small HTML page that names its own icon, so the browser asks for
 * no /favicon.ico). Every request is kept, whatever its path, so a test can also show that nothing arrived. `stop()`
 * closes the port (the receiver is down) and `start()` opens the same port again.
 */
export interface WebhookReceiver {
  origin: string;
  requests: ReceivedRequest[];
  /** The call records POSTed to /log, in the order they arrived. */
  records(): CallLogRecord[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let port = 0;
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
          if (req.method === 'POST' && req.url === '/log') {
            res.writeHead(204).end();
          } else if (req.method === 'GET' && (req.url ?? '').startsWith('/pop')) {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>CRM</title><link rel="icon" href="data:,"><p>Customer</p>');
          } else {
            res.writeHead(404).end();
          }
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.closeAllConnections();
      s.close(() => resolve());
    });
  await listen();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    records: () => requests.filter((r) => r.method === 'POST' && r.path === '/log').map((r) => JSON.parse(r.body) as CallLogRecord),
    stop,
    start: listen,
    close: stop,
  };
}
