import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultAction } from './faults.js';
import { header, readBody, type EmuRequest, type EmuResponse } from './http.js';
import type { RequestLog } from './request-log.js';
import type { TlsFiles } from './tls.js';

/**
 * One HTTPS listener on 127.0.0.1 for every emulated service. Each request gets ARM's request ids,
 * the fault plan's verdict, the configured latency, and a line in the request log.
 */

/** A service mounted on the server: answers its own paths, undefined for others. */
export interface Mount {
  name: string;
  /** Whether a path belongs to this service (to name it in the log even when a fault answers). */
  owns(path: string): boolean;
  handle(req: EmuRequest, faults: FaultAction): Promise<EmuResponse | undefined>;
}

export interface ServerHooks {
  mounts: Mount[];
  /** Admin endpoints: neither logged nor subject to faults. */
  admin(req: EmuRequest): Promise<EmuResponse | undefined>;
  faults(method: string, path: string): FaultAction;
  latencyMs(): number;
  log: RequestLog;
}

export interface EmulatorServer {
  base: string;
  port: number;
  /** Requests being handled now, including ones whose client has given up waiting. */
  inFlight(): number;
  close(): Promise<void>;
}

function send(res: ServerResponse, method: string, response: EmuResponse, ids: Record<string, string>): void {
  const headers: Record<string, string> = { ...ids, ...(response.headers ?? {}) };
  let payload: Buffer | undefined;
  if (response.body !== undefined && response.status !== 204) {
    const isText = typeof response.body === 'string';
    payload = Buffer.from(isText ? (response.body as string) : JSON.stringify(response.body), 'utf8');
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

export async function startServer(tls: TlsFiles, hooks: ServerHooks, port = 0): Promise<EmulatorServer> {
  const closing = new AbortController();
  const server = https.createServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) });
  let base = '';

  let inFlight = 0;
  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    inFlight++;
    try {
      await handle(req, res);
    } finally {
      inFlight--;
    }
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', base);
    const method = (req.method ?? 'GET').toUpperCase();
    const emuReq: EmuRequest = { method, url, headers: req.headers, body };
    const ids = {
      'x-ms-request-id': randomUUID(),
      'x-ms-correlation-request-id': header(emuReq, 'x-ms-correlation-request-id') ?? randomUUID(),
    };
    const admin = await hooks.admin(emuReq);
    if (admin) return send(res, method, admin, ids);

    const service = hooks.mounts.find((m) => m.owns(url.pathname))?.name ?? 'none';
    const log = (status: number): void =>
      hooks.log.add({
        service,
        method,
        path: url.pathname,
        query: url.search,
        status,
        time: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        requestId: ids['x-ms-request-id'],
        correlationId: ids['x-ms-correlation-request-id'],
      });
    const fault = hooks.faults(method, url.pathname);
    const delay = hooks.latencyMs() + (fault.delayMs ?? 0);
    if (delay > 0) {
      // Abortable, so a slow answer still pending when the server closes does not keep the process alive.
      await sleep(delay, undefined, { signal: closing.signal }).catch(() => undefined);
      if (closing.signal.aborted) return;
    }
    if (fault.drop) {
      log(0);
      req.socket.destroy();
      return;
    }
    let response: EmuResponse | undefined;
    if (fault.respond)
      response = {
        status: fault.respond.status,
        headers: fault.respond.headers,
        body: fault.respond.toBody(),
      };
    for (const mount of hooks.mounts) {
      if (response) break;
      response = await mount.handle(emuReq, fault);
    }
    response ??= {
      status: 404,
      body: { error: { code: 'NotFound', message: `Nothing is emulated at ${url.pathname}.` } },
    };
    // The request was handled (and applied); now its answer is lost.
    if (fault.dropAfterApply) {
      log(0);
      req.socket.destroy();
      return;
    }
    if (fault.respondAfterApply)
      response = {
        status: fault.respondAfterApply.status,
        headers: fault.respondAfterApply.headers,
        body: fault.respondAfterApply.toBody(),
      };
    send(res, method, response, ids);
    log(response.status);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((err: unknown) => {
      // A bug in the emulator must show as a 500 in ARM's shape, never hang the client.
      console.error('emulator: unhandled error', err);
      if (!res.headersSent)
        send(
          res,
          'GET',
          { status: 500, body: { error: { code: 'InternalServerError', message: String(err) } } },
          {},
        );
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${actualPort}`;
  return {
    base,
    port: actualPort,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
