import { entityNotFound, invalidField } from '../arm-errors.js';
import {
  entityBody,
  listBody,
  propertiesOf,
  requireEntity,
  type ArmCall,
  type ApimService,
} from '../service.js';
import { EntityStore, type StoredEntity } from '../store.js';
import { entityRoutes } from './crud.js';
import type { ArmRoute } from './routes.js';
import { serviceFamilyRoutes } from './service-families.js';

/**
 * APIM workspaces (`workspaces/{workspaceId}/...`, api-version 2024-05-01): the workspace entity, and
 * below it the service-level families again (policies at every scope, named values, fragments,
 * backends, APIs, operations, products) with the same semantics (ETags, 412, long-running named
 * values and fragments, the policy validator). Rather than a second copy of each family, their
 * handlers run against a view of the store rooted at the workspace: `namedValues` inside a workspace
 * handler is the workspace's collection, so references, display-name clashes and parents resolve
 * within the workspace, and a workspace API never touches the service API of the same id.
 */

const PREFIX_TYPE = 'Microsoft.ApiManagement/service/';

/** The store seen from inside one workspace: paths relative to `workspaces/{ws}`. */
export class WorkspaceStore extends EntityStore {
  private readonly prefix: string;

  constructor(
    private readonly root: EntityStore,
    workspacePath: string,
  ) {
    super();
    this.prefix = `${workspacePath}/`;
  }

  private inner = (path: string): string => `${this.prefix}${path}`;
  private outer = (e: StoredEntity | undefined): StoredEntity | undefined =>
    e && { ...e, path: e.path.slice(this.prefix.length) };

  override get(path: string): StoredEntity | undefined {
    return this.outer(this.root.get(this.inner(path)));
  }
  override list(collection: string): StoredEntity[] {
    return this.root.list(this.inner(collection)).map((e) => this.outer(e)!);
  }
  override descendants(prefix: string): StoredEntity[] {
    return this.root.descendants(this.inner(prefix)).map((e) => this.outer(e)!);
  }
  override all(): StoredEntity[] {
    return this.root.descendants(this.prefix.slice(0, -1)).map((e) => this.outer(e)!);
  }
  override put(entity: Omit<StoredEntity, 'etag'>): StoredEntity {
    // ARM types of workspace entities: Microsoft.ApiManagement/service/workspaces/apis/policies...
    const type = entity.type.startsWith(PREFIX_TYPE)
      ? `${PREFIX_TYPE}workspaces/${entity.type.slice(PREFIX_TYPE.length)}`
      : entity.type;
    return this.outer(this.root.put({ ...entity, type, path: this.inner(entity.path) }))!;
  }
  override delete(path: string): boolean {
    return this.root.delete(this.inner(path));
  }
  override touch(path: string): StoredEntity | undefined {
    return this.outer(this.root.touch(this.inner(path)));
  }
}

/** The service as a workspace's handlers see it; `parent` is the whole service. */
export interface WorkspaceService extends ApimService {
  parent: ApimService;
  workspaceId: string;
}

/** The view of `svc` rooted at workspace `ws`; 404 like ARM when the workspace does not exist. */
export function workspaceService(svc: ApimService, ws: string): WorkspaceService {
  const entity = svc.store.get(`workspaces/${ws}`);
  if (!entity) throw entityNotFound('Workspace');
  return {
    ...svc,
    store: new WorkspaceStore(svc.store, entity.path),
    serviceId: `${svc.serviceId}/${entity.path}`,
    parent: svc,
    workspaceId: entity.name,
  };
}

const WS = 'workspaces/{workspaceId}';

/** One service-level route served below every workspace. */
function inWorkspace(route: ArmRoute): ArmRoute {
  const methods: ArmRoute['methods'] = {};
  for (const [method, handler] of Object.entries(route.methods)) {
    methods[method as keyof ArmRoute['methods']] = (call: ArmCall) => {
      const svc = workspaceService(call.svc, call.params.workspaceId);
      const prefix = `workspaces/${call.params.workspaceId}/`;
      const path = call.path.toLowerCase().startsWith(prefix.toLowerCase())
        ? call.path.slice(prefix.length)
        : call.path;
      return handler!({ ...call, svc, path });
    };
  }
  return {
    pattern: `${WS}/${route.pattern}`,
    methods,
    ...(route.action ? { action: `workspaces/${route.action}` } : {}),
  };
}

/** A workspace needs a display name (WorkspaceContract). */
export function workspaceProperties(props: Record<string, unknown>): Record<string, unknown> {
  if (typeof props.displayName !== 'string' || !props.displayName.trim())
    throw invalidField('displayName', 'Display name is required.');
  return {
    displayName: props.displayName,
    ...(typeof props.description === 'string' ? { description: props.description } : {}),
  };
}

const workspaceEntity = entityRoutes({
  collection: 'workspaces',
  param: 'workspaceId',
  type: 'Microsoft.ApiManagement/service/workspaces',
  entity: 'Workspace',
  normalize: workspaceProperties,
});

/**
 * A workspace product's APIs are product-API links (`products/{p}/apiLinks/{link}`, properties.apiId
 * the API's full id) rather than the service's `products/{p}/apis/{api}`. They are kept as the same
 * link entities the service uses (seeds write them), named by API id, and shown in the link shape.
 */
function apiLink(call: ArmCall, svc: WorkspaceService, e: StoredEntity): Record<string, unknown> {
  const product = call.params.productId;
  return {
    ...entityBody(
      svc,
      { ...e, path: `products/${product}/apiLinks/${e.name}` },
      { apiId: `${svc.serviceId}/apis/${e.name}` },
    ),
    type: 'Microsoft.ApiManagement/service/workspaces/products/apiLinks',
  };
}

const apiLinkRoutes: ArmRoute[] = [
  {
    pattern: `${WS}/products/{productId}/apiLinks`,
    methods: {
      GET: (call) => {
        const svc = workspaceService(call.svc, call.params.workspaceId);
        requireEntity({ ...call, svc }, 'Product', `products/${call.params.productId}`);
        const links = svc.store.list(`products/${call.params.productId}/apis`);
        return {
          status: 200,
          body: listBody(
            call,
            links.map((e) => apiLink(call, svc, e)),
          ),
        };
      },
    },
  },
  {
    pattern: `${WS}/products/{productId}/apiLinks/{apiLinkId}`,
    methods: {
      GET: (call) => {
        const svc = workspaceService(call.svc, call.params.workspaceId);
        const e = requireEntity(
          { ...call, svc },
          'ProductApiLink',
          `products/${call.params.productId}/apis/${call.params.apiLinkId}`,
        );
        return { status: 200, body: apiLink(call, svc, e) };
      },
      PUT: (call) => {
        const svc = workspaceService(call.svc, call.params.workspaceId);
        requireEntity({ ...call, svc }, 'Product', `products/${call.params.productId}`);
        const apiId = propertiesOf(call).apiId;
        const api = typeof apiId === 'string' ? apiId.split('/').pop()! : '';
        if (!api || !svc.store.get(`apis/${api}`))
          throw invalidField('apiId', `Api '${String(apiId)}' not found in the workspace.`);
        const e = svc.store.put({
          path: `products/${call.params.productId}/apis/${api}`,
          name: api,
          type: 'Microsoft.ApiManagement/service/apis',
          properties: {},
        });
        return { status: 201, body: apiLink(call, svc, e) };
      },
    },
  },
];

export const workspaceRoutes: ArmRoute[] = [
  ...workspaceEntity,
  ...apiLinkRoutes,
  ...serviceFamilyRoutes.map(inWorkspace),
];
