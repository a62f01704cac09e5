import { ArmError, preconditionFailed } from './arm-errors.js';

/** One stored APIM entity: its path under the service (original casing), ARM type and properties. */
export interface StoredEntity {
  /** Path below the service id, e.g. `apis/echo/operations/get/policies/policy`. */
  path: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
  etag: string;
}

/**
 * The service's entities keyed by lower-cased path (APIM ids are case-insensitive). Every write gets
 * a new ETag, as APIM does, so a stale If-Match is always detected.
 */
export class EntityStore {
  private readonly entities = new Map<string, StoredEntity>();
  private version = 0;

  get(path: string): StoredEntity | undefined {
    return this.entities.get(path.toLowerCase());
  }

  /** Entities directly below `collection` (e.g. `apis/echo/operations`), in insertion order. */
  list(collection: string): StoredEntity[] {
    const prefix = `${collection.toLowerCase()}/`;
    return [...this.entities.values()].filter((e) => {
      const key = e.path.toLowerCase();
      return key.startsWith(prefix) && !key.slice(prefix.length).includes('/');
    });
  }

  /** Every entity whose path starts with `prefix/` (children of a deleted parent go with it). */
  descendants(prefix: string): StoredEntity[] {
    const p = `${prefix.toLowerCase()}/`;
    return [...this.entities.values()].filter((e) => e.path.toLowerCase().startsWith(p));
  }

  all(): StoredEntity[] {
    return [...this.entities.values()];
  }

  put(entity: Omit<StoredEntity, 'etag'>): StoredEntity {
    const existing = this.get(entity.path);
    // Keep the first casing of the id, as APIM does on update.
    const stored = {
      ...entity,
      path: existing?.path ?? entity.path,
      name: existing?.name ?? entity.name,
      etag: this.nextEtag(),
    };
    this.entities.set(entity.path.toLowerCase(), stored);
    return stored;
  }

  /** Deletes the entity and everything below it; returns whether it existed. */
  delete(path: string): boolean {
    for (const child of this.descendants(path)) this.entities.delete(child.path.toLowerCase());
    return this.entities.delete(path.toLowerCase());
  }

  /** A new ETag for an entity changed by someone else (the concurrent-writer fault). */
  touch(path: string): StoredEntity | undefined {
    const existing = this.get(path);
    if (!existing) return undefined;
    const touched = { ...existing, etag: this.nextEtag() };
    this.entities.set(path.toLowerCase(), touched);
    return touched;
  }

  private nextEtag(): string {
    const buf = Buffer.alloc(8);
    buf.writeBigUInt64BE(BigInt(++this.version) + 0x1000n);
    return `"${buf.toString('base64')}"`;
  }
}

function unquote(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/**
 * Enforces If-Match the way APIM does: `*` matches anything, an ETag must equal the current one, and
 * DELETE (and PATCH) refuse to run without the header.
 */
export function checkIfMatch(
  ifMatch: string | undefined,
  current: StoredEntity | undefined,
  required: boolean,
): void {
  if (ifMatch === undefined || ifMatch === '') {
    if (required)
      throw new ArmError(400, 'InvalidRequest', "The 'If-Match' header is required for this operation.");
    return;
  }
  const tags = ifMatch.split(',').map(unquote);
  if (tags.includes('*')) return;
  if (!current || !tags.includes(unquote(current.etag))) throw preconditionFailed();
}
