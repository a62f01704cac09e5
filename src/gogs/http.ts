import http from 'node:http';
import https from 'node:https';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Extra trusted CA certificates (PEM), for a Gogs behind a private CA. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * One HTTP(S) request with node's own client (not fetch) so that a private CA can be trusted per
 * request. Rejects only on transport failures; every HTTP status resolves.
 */
export function httpRequest(url: URL, req: HttpRequest = {}): Promise<HttpResponse> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = lib.request(
      url,
      {
        method: req.method ?? 'GET',
        headers: { accept: 'application/json', ...req.headers },
        ...(url.protocol === 'https:' && req.ca ? { ca: req.ca } : {}),
        timeout: req.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timed out after ${req.timeoutMs ?? 30_000} ms`)));
    request.on('error', reject);
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}
