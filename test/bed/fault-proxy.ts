import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { tlsDir } from './paths.js';

/**
 * What the proxy does to the connections it carries, in the order they arrive:
 * - `cut`: the first `connections` connections (Infinity: all) are cut after `afterBytes` bytes of the
 *   server's answer, as when Gogs is stopped mid-answer; later ones pass.
 * - `stall`: like `cut`, but the connections stay open and silent, as a frozen server or a lost route.
 * - `slow`: every answer is re-chunked into `chunk`-byte pieces, each sent `delayMs` after the last.
 * - `pass`: bytes pass untouched.
 */
export type ByteFault =
  | { kind: 'pass' }
  | { kind: 'cut' | 'stall'; afterBytes: number; connections: number }
  | { kind: 'slow'; chunk: number; delayMs: number };

export interface FaultProxy {
  /** https://127.0.0.1:PORT/ : the same host name as Gogs', so its certificate still matches. */
  url: string;
  fault: ByteFault;
  /** Connections accepted so far (each git or API request opens at least one). */
  connections: number;
  /** Connections cut by the fault. */
  cuts: number;
  /** Bytes Gogs answered on each connection, in order (what a cut point is chosen from). */
  answerBytes: number[];
  close(): Promise<void>;
}

/**
 * A byte-level TCP proxy in front of Gogs. TLS stays end to end (the proxy never sees plain text),
 * so the client checks Gogs' own certificate, which names 127.0.0.1 whatever the port.
 */
export async function startFaultProxy(
  target: string,
  fault: ByteFault = { kind: 'pass' },
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  const proxy: FaultProxy = {
    url: '',
    fault,
    connections: 0,
    cuts: 0,
    answerBytes: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    const index = proxy.connections++;
    const f = proxy.fault;
    const server = net.connect(Number(upstream.port), upstream.hostname);
    proxy.answerBytes.push(0);
    server.on('data', (data: Buffer) => (proxy.answerBytes[index] += data.length));
    for (const s of [client, server]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    const cut = () => {
      proxy.cuts++;
      // Both ends at once: the client sees its connection drop mid-answer, like a killed server.
      client.destroy();
      server.destroy();
    };
    const endClient = () => client.destroy();
    client.on('close', () => server.destroy());
    server.on('close', endClient);
    client.pipe(server);
    if ((f.kind === 'cut' || f.kind === 'stall') && index < f.connections) {
      let sent = 0;
      server.on('data', (data: Buffer) => {
        const room = f.afterBytes - sent;
        if (room > 0) client.write(room >= data.length ? data : data.subarray(0, room));
        sent += data.length;
        if (sent < f.afterBytes || server.destroyed) return;
        if (f.kind === 'cut') return cut();
        // Gogs' side goes; the client's stays open, what it sends is swallowed and nothing comes back.
        proxy.cuts++;
        server.off('close', endClient);
        client.unpipe(server);
        client.resume();
        server.destroy();
      });
    } else if (f.kind === 'slow') {
      slowPipe(server, client, f.chunk, f.delayMs);
    } else {
      server.pipe(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
  return proxy;
}

/** Sends what `from` answers to `to` in small pieces with a pause before each, ending when `from` ends. */
function slowPipe(from: net.Socket, to: net.Socket, chunk: number, delayMs: number): void {
  const queue: Buffer[] = [];
  let ended = false;
  let busy = false;
  const pump = () => {
    if (busy) return;
    const next = queue.shift();
    if (!next) {
      if (ended) to.end();
      return;
    }
    busy = true;
    setTimeout(() => {
      busy = false;
      if (to.destroyed) return;
      to.write(next.subarray(0, chunk));
      if (next.length > chunk) queue.unshift(next.subarray(chunk));
      pump();
    }, delayMs);
  };
  from.on('data', (data: Buffer) => {
    queue.push(data);
    pump();
  });
  from.on('end', () => {
    ended = true;
    pump();
  });
}

export interface FailingServer {
  /** https://127.0.0.1:PORT/ */
  url: string;
  /** Requests answered so far (500s and forwarded ones). */
  requests: number;
  close(): Promise<void>;
}

/**
 * An HTTPS server with the bed's own loopback certificate (made by the set-up command, as Gogs')
 * standing where Gogs stands: it answers the first `failures` requests (Infinity: all) with HTTP 500
 * and forwards later ones to Gogs, as a Gogs that fails for a while and recovers.
 */
export async function startFailingServer(target: string, failures: number): Promise<FailingServer> {
  const upstream = new URL(target);
  const ca = readFileSync(path.join(tlsDir, 'ca.pem'));
  const state: FailingServer = { url: '', requests: 0, close: async () => undefined };
  const server = https.createServer(
    {
      cert: readFileSync(path.join(tlsDir, 'server.pem')),
      key: readFileSync(path.join(tlsDir, 'server-key.pem')),
    },
    (req, res) => {
      const index = state.requests++;
      if (index < failures) {
        req.resume();
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end('500 Internal Server Error\n');
        return;
      }
      const forward = https.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          ca,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
