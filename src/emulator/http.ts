import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** A request as every emulator handler sees it: parsed URL, headers and the whole body. */
export interface EmuRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers; an object body is sent as JSON, a string as text. */
export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The first value of a header, whatever its casing. */
export function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a JSON body; undefined when empty, and throws a SyntaxError when malformed. */
export function jsonBody(req: EmuRequest): unknown {
  const text = req.body.toString('utf8').trim();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Parses an application/x-www-form-urlencoded body (what OAuth token requests send). */
export function formBody(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, body, headers };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
