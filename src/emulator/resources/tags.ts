import { entityNotFound, invalidField } from '../arm-errors.js';
import { entityBody, etagHeader, listBody, requireEntity, type ArmCall } from '../service.js';
import { checkParents, entityRoutes } from './crud.js';
import type { ArmRoute } from './routes.js';

/** Tags (synchronous) and their assignments to APIs, operations and products. */

const tagType = 'Microsoft.ApiManagement/service/tags';

/** Where tags can be assigned, with the entities that must exist. */
const assignees: { collection: string; parents: [string, string][] }[] = [
  { collection: 'apis/{apiId}/tags', parents: [['apis/{apiId}', 'Api']] },
  {
    collection: 'apis/{apiId}/operations/{operationId}/tags',
    parents: [
      ['apis/{apiId}', 'Api'],
      ['apis/{apiId}/operations/{operationId}', 'Operation'],
    ],
  },
  { collection: 'products/{productId}/tags', parents: [['products/{productId}', 'Product']] },
];

/** An assignment reads as the tag itself (id `tags/{tagId}`), as in the ARM examples. */
function tagBody(call: ArmCall, tagId: string): Record<string, unknown> {
  const tag = call.svc.store.get(`tags/${tagId}`);
  if (!tag) throw entityNotFound('Tag');
  return entityBody(call.svc, tag);
}

function assignmentRoutes(collection: string, parents: [string, string][]): ArmRoute[] {
  const prefix = (call: ArmCall): string =>
    collection.replace(/\{(\w+)\}/g, (_, n: string) => call.params[n]);
  return [
    {
      pattern: collection,
      methods: {
        GET: (call) => {
          checkParents(call, parents);
          const items = call.svc.store.list(prefix(call)).filter((a) => call.svc.store.get(`tags/${a.name}`));
          return {
            status: 200,
            body: listBody(
              call,
              items.map((a) => tagBody(call, a.name)),
            ),
          };
        },
      },
    },
    {
      pattern: `${collection}/{tagId}`,
      methods: {
        GET: (call) => {
          checkParents(call, parents);
          requireEntity(call, 'Tag');
          return {
            status: 200,
            headers: etagHeader(requireEntity(call, 'Tag', `tags/${call.params.tagId}`)),
            body: tagBody(call, call.params.tagId),
          };
        },
        HEAD: (call) => {
          checkParents(call, parents);
          requireEntity(call, 'Tag');
          return {
            status: 200,
            headers: etagHeader(requireEntity(call, 'Tag', `tags/${call.params.tagId}`)),
          };
        },
        PUT: (call) => {
          checkParents(call, parents);
          const body = tagBody(call, call.params.tagId);
          const existed = Boolean(call.svc.store.get(call.path));
          call.svc.store.put({ path: call.path, name: call.params.tagId, type: tagType, properties: {} });
          return {
            status: existed ? 200 : 201,
            headers: etagHeader(requireEntity(call, 'Tag', `tags/${call.params.tagId}`)),
            body,
          };
        },
        DELETE: (call) => {
          checkParents(call, parents);
          return { status: call.svc.store.delete(call.path) ? 200 : 204 };
        },
      },
    },
  ];
}

export const tagRoutes: ArmRoute[] = [
  ...entityRoutes({
    collection: 'tags',
    param: 'tagId',
    type: tagType,
    entity: 'Tag',
    normalize: (props) => {
      if (typeof props.displayName !== 'string' || !props.displayName.trim())
        throw invalidField('displayName', 'Display name is required.');
      return { displayName: props.displayName };
    },
    // Deleting a tag removes its assignments too.
    afterDelete: (call) => {
      for (const e of call.svc.store.all())
        if (
          e.type === tagType &&
          e.path !== `tags/${e.name}` &&
          e.name.toLowerCase() === call.params.tagId.toLowerCase()
        )
          call.svc.store.delete(e.path);
    },
  }),
  ...assignees.flatMap((a) => assignmentRoutes(a.collection, a.parents)),
];

/** Tag descriptions: a tag's description and external docs for one API (synchronous writes). */
const tagDescriptionRoutes = entityRoutes({
  collection: 'apis/{apiId}/tagDescriptions',
  param: 'tagDescriptionId',
  type: 'Microsoft.ApiManagement/service/apis/tagDescriptions',
  entity: 'TagDescription',
  parents: [['apis/{apiId}', 'Api']],
  normalize: (props, call) => {
    const tag = call.svc.store.get(`tags/${call.params.tagDescriptionId}`);
    if (!tag) throw entityNotFound('Tag');
    const text = (k: string): Record<string, unknown> =>
      typeof props[k] === 'string' ? { [k]: props[k] } : {};
    return {
      tagId: `${call.svc.serviceId}/${tag.path}`,
      displayName: tag.properties.displayName,
      ...text('description'),
      ...text('externalDocsUrl'),
      ...text('externalDocsDescription'),
    };
  },
});

/** `apis/{apiId}/operationsByTags`: each (tag, operation) pair of the API's tagged operations. */
const operationsByTags: ArmRoute = {
  pattern: 'apis/{apiId}/operationsByTags',
  methods: {
    GET: (call) => {
      checkParents(call, [['apis/{apiId}', 'Api']]);
      const api = call.svc.store.get(`apis/${call.params.apiId}`);
      const includeUntagged = call.req.url.searchParams.get('includeNotTaggedOperations') === 'true';
      const items = call.svc.store.list(`apis/${call.params.apiId}/operations`).flatMap((op) => {
        const operation = {
          id: `/${op.path}`,
          apiName: api?.properties.displayName,
          apiRevision: api?.properties.apiRevision,
          name: op.properties.displayName,
          method: op.properties.method,
          urlTemplate: op.properties.urlTemplate,
          ...(op.properties.description ? { description: op.properties.description } : {}),
        };
        const tags = call.svc.store
          .list(`${op.path}/tags`)
          .flatMap((a) => call.svc.store.get(`tags/${a.name}`) ?? []);
        if (!tags.length) return includeUntagged ? [{ operation }] : [];
        return tags.map((t) => ({ tag: { id: `/${t.path}`, name: t.properties.displayName }, operation }));
      });
      return { status: 200, body: listBody(call, items) };
    },
  },
};

tagRoutes.push(...tagDescriptionRoutes, operationsByTags);
