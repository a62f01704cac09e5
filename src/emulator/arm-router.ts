import { ArmError } from './arm-errors.js';
import type { Entra, Principal } from './entra.js';
import { header, type EmuRequest, type EmuResponse } from './http.js';
import type { RateLimiter } from './rate-limit.js';
import type { ArmRoute } from './resources/routes.js';
import type { ApimService, ArmCall } from './service.js';

/**
 * The ARM front door for one APIM service: bearer token (401), api-version (400), subscription and
 * resource group (404), role assignment (403), throttling (429), then the resource routes.
 */

export const supportedApiVersions = [
  '2021-08-01',
  '2022-08-01',
  '2023-03-01-preview',
  '2023-05-01-preview',
  '2023-09-01-preview',
  '2024-05-01',
  '2024-06-01-preview',
];

export interface ArmTarget {
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
}

/** Flags the fault plan sets on one request. */
export interface RequestFaults {
  failLro?: boolean;
  concurrentWrite?: boolean;
  thirdPartyEdit?: boolean;
}

interface CompiledRoute {
  route: ArmRoute;
  regex: RegExp;
  names: string[];
}

function compile(route: ArmRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}$`, 'i'), names };
}

const writeMethods = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

export class ArmRouter {
  private readonly routes: CompiledRoute[];

  constructor(
    private readonly target: ArmTarget,
    private readonly svc: ApimService,
    private readonly entra: Entra,
    private readonly limiter: RateLimiter,
    routes: ArmRoute[],
  ) {
    this.routes = routes.map(compile);
  }

  /** Handles `/subscriptions/...`; undefined for other paths. */
  async handle(req: EmuRequest, faults: RequestFaults): Promise<EmuResponse | undefined> {
    const path = req.url.pathname;
    const sub = /^\/subscriptions\/([^/]+)(\/.*)?$/i.exec(path);
    if (!sub) return undefined;
    try {
      return await this.dispatch(req, sub[1], sub[2] ?? '', faults);
    } catch (err) {
      if (err instanceof ArmError) return { status: err.status, headers: err.headers, body: err.toBody() };
      throw err;
    }
  }

  private async dispatch(
    req: EmuRequest,
    subscriptionId: string,
    rest: string,
    faults: RequestFaults,
  ): Promise<EmuResponse> {
    const principal = await this.entra.verifyAccessToken(header(req, 'authorization'));
    const apiVersion = req.url.searchParams.get('api-version');
    if (!apiVersion)
      throw new ArmError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    if (!supportedApiVersions.includes(apiVersion))
      throw new ArmError(
        400,
        'NoRegisteredProviderFound',
        `No registered resource provider found for location 'westeurope' and API version '${apiVersion}' for type 'service'. The supported api-versions are '${supportedApiVersions.join(', ')}'.`,
      );
    if (subscriptionId.toLowerCase() !== this.target.subscriptionId.toLowerCase())
      throw new ArmError(
        404,
        'SubscriptionNotFound',
        `The subscription '${subscriptionId}' could not be found.`,
      );
    const m =
      /^\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ApiManagement\/service\/([^/]+)(?:\/(.*))?$/i.exec(
        rest,
      );
    const write = writeMethods.has(req.method);
    this.authorize(principal, req, m?.[3], write);
    const budget = this.limiter.consume(principal.objectId, write);
    const withBudget = (res: EmuResponse): EmuResponse => ({
      ...res,
      headers: { ...budget.headers, ...res.headers },
    });
    if (budget.retryAfter !== undefined)
      throw new ArmError(
        429,
        'TooManyRequests',
        `The request is being throttled as the limit has been reached for operation type - ${write ? 'Write' : 'Read'}.`,
        undefined,
        { ...budget.headers, 'retry-after': String(budget.retryAfter) },
      );
    if (!m)
      throw new ArmError(404, 'InvalidResourceType', `The resource type could not be found for '${rest}'.`);
    const [, rg, service, child] = m;
    if (rg.toLowerCase() !== this.target.resourceGroup.toLowerCase())
      throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
    if (service.toLowerCase() !== this.target.serviceName.toLowerCase())
      throw new ArmError(
        404,
        'ResourceNotFound',
        `The Resource 'Microsoft.ApiManagement/service/${service}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
    return withBudget(await this.resource(req, child ?? '', apiVersion, faults));
  }

  private authorize(principal: Principal, req: EmuRequest, child: string | undefined, write: boolean): void {
    if (this.entra.hasRole(principal.objectId)) return;
    const type = (child ?? '')
      .split('/')
      .filter((_, i) => i % 2 === 0 && _ !== '')
      .join('/');
    const verb =
      req.method === 'DELETE' ? 'delete' : req.method === 'POST' ? 'action' : write ? 'write' : 'read';
    const action = `Microsoft.ApiManagement/service${type ? `/${type}` : ''}/${verb}`;
    throw new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${principal.appId}' with object id '${principal.objectId}' does not have authorization to perform action '${action}' over scope '${req.url.pathname}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }

  private async resource(
    req: EmuRequest,
    child: string,
    apiVersion: string,
    faults: RequestFaults,
  ): Promise<EmuResponse> {
    if (child === '') return this.serviceResource(req);
    const op = /^tenant\/operationResults\/([^/]+)$/i.exec(child);
    if (op && req.method === 'GET') {
      const operation = this.svc.lro.get(op[1]);
      if (!operation) throw new ArmError(404, 'ResourceNotFound', 'Operation not found.');
      return { status: 200, body: this.svc.lro.statusBody(operation, this.svc.lro.poll(operation)) };
    }
    for (const { route, regex, names } of this.routes) {
      const match = regex.exec(child);
      if (!match) continue;
      const handler = route.methods[req.method as keyof ArmRoute['methods']];
      if (!handler)
        throw new ArmError(
          405,
          'MethodNotAllowed',
          `The method '${req.method}' is not allowed on this resource.`,
        );
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
      const entityPath = route.pattern.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
      if (faults.concurrentWrite) this.svc.store.touch(entityPath);
      if (faults.thirdPartyEdit) this.svc.thirdParty?.edit(entityPath);
      const pending = this.pendingOperation(req, apiVersion);
      if (pending) return pending;
      const call: ArmCall = {
        req,
        svc: this.svc,
        params,
        path: entityPath,
        apiVersion,
        failLro: Boolean(faults.failLro),
      };
      return handler(call);
    }
    throw new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${child
        .split('/')
        .filter((_, i) => i % 2 === 0)
        .join(
          '/',
        )}' could not be found in the namespace 'Microsoft.ApiManagement' for api version '${apiVersion}'.`,
    );
  }

  /** A GET of the Location URL (with asyncId) while its operation runs answers 202, as APIM does. */
  private pendingOperation(req: EmuRequest, apiVersion: string): EmuResponse | undefined {
    const asyncId = req.url.searchParams.get('asyncId');
    if (req.method !== 'GET' || !asyncId) return undefined;
    const operation = this.svc.lro.get(asyncId);
    if (!operation) return undefined;
    const status = this.svc.lro.peek(operation);
    if (status === 'InProgress') return { status: 202, headers: this.svc.lro.headers(operation, apiVersion) };
    if (status === 'Failed')
      throw new ArmError(
        400,
        operation.failure?.code ?? 'Failed',
        operation.failure?.message ?? 'The operation failed.',
      );
    return undefined;
  }

  private serviceResource(req: EmuRequest): EmuResponse {
    if (req.method !== 'GET')
      throw new ArmError(405, 'MethodNotAllowed', 'The emulator serves the service resource read-only.');
    const host = req.url.host;
    return {
      status: 200,
      body: {
        id: this.svc.serviceId,
        name: this.target.serviceName,
        type: 'Microsoft.ApiManagement/service',
        location: 'West Europe',
        sku: { name: 'Developer', capacity: 1 },
        properties: {
          provisioningState: 'Succeeded',
          gatewayUrl: `https://${host}`,
          publisherEmail: 'apim@contoso.example',
          publisherName: 'Contoso',
        },
      },
    };
  }
}
