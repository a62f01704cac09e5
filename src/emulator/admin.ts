import { isRecord, jsonBody, json, type EmuRequest, type EmuResponse } from './http.js';
import type { FaultSpec } from './faults.js';
import type { Emulator } from './index.js';
import type { GitHubContext } from './github-oidc.js';
import type { AppRegistration } from './entra.js';
import type { RateLimits } from './rate-limit.js';

/**
 * `/_emulator/*`: the same controls as the programmatic API, for a running `apim-gogs emulator`
 * (another process, a shell, a pipeline rehearsal). Loopback only, like the whole emulator.
 *   POST/DELETE /_emulator/faults      add a FaultSpec (or an array) / clear all
 *   GET/DELETE  /_emulator/requests    the request log / clear it
 *   PUT         /_emulator/latency     {"ms": 50}
 *   PUT         /_emulator/rate-limits {"reads": {"capacity": 250, "refillPerSecond": 25}, "writes": {...}}
 *   POST        /_emulator/apps        register an app (registerApp's argument)
 *   PUT         /_emulator/github      set GitHub's token context (repository, ref, environment...)
 */
export async function handleAdmin(emulator: Emulator, req: EmuRequest): Promise<EmuResponse | undefined> {
  const path = req.url.pathname;
  if (!path.startsWith('/_emulator/')) return undefined;
  const what = path.slice('/_emulator/'.length);
  let body: unknown;
  try {
    body = jsonBody(req);
  } catch {
    return json(400, { message: 'Body must be JSON.' });
  }
  switch (`${req.method} ${what}`) {
    case 'POST faults':
      for (const spec of Array.isArray(body) ? body : [body]) emulator.addFault(spec as FaultSpec);
      return { status: 204 };
    case 'DELETE faults':
      emulator.clearFaults();
      return { status: 204 };
    case 'GET requests':
      return json(200, emulator.requests());
    case 'DELETE requests':
      emulator.clearRequests();
      return { status: 204 };
    case 'PUT latency':
      emulator.setLatency(isRecord(body) ? Number(body.ms) || 0 : 0);
      return { status: 204 };
    case 'PUT rate-limits':
      emulator.setRateLimits(isRecord(body) ? (body as RateLimits) : {});
      return { status: 204 };
    case 'POST apps':
      return json(200, emulator.registerApp(body as AppRegistration));
    case 'PUT github':
      emulator.github.setContext(body as Partial<GitHubContext>);
      return json(200, { subject: emulator.github.subject });
    default:
      return json(404, { message: `Unknown admin endpoint ${req.method} ${path}.` });
  }
}
