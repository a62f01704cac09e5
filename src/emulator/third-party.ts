import { formatPolicy } from './policy/format.js';
import type { PolicyDocument } from './policy/parse.js';
import { storeFragment } from './resources/fragments.js';
import { storePolicy } from './resources/policies.js';
import type { ApimService } from './service.js';

/**
 * Someone else (a portal user, another pipeline) changes an entity's content: the `thirdPartyEdit`
 * fault. Unlike `concurrentWrite`, which only moves the ETag, the content really differs afterwards,
 * so a client that overwrites it loses a change a person made. Every edit carries a unique marker
 * (`third-party-<n>`) that a test can look for to prove the change survived.
 */
export interface ThirdPartyEdit {
  /** Entity path below the service, e.g. `namedValues/env-name`. */
  path: string;
  marker: string;
  time: string;
}

const markerHeader = (marker: string): string =>
  `<set-header name="x-edited-by" exists-action="override"><value>${marker}</value></set-header>`;

/** Puts the marker element first in `<inbound>` (policies) or `<fragment>` (fragments). */
function editXml(xml: string, container: 'inbound' | 'fragment', marker: string): string | undefined {
  const open = new RegExp(`<${container}(\\s[^>]*)?>`);
  if (open.test(xml)) return xml.replace(open, (tag) => `${tag}${markerHeader(marker)}`);
  const empty = new RegExp(`<${container}(\\s[^>]*)?/>`);
  if (empty.test(xml)) return xml.replace(empty, `<${container}>${markerHeader(marker)}</${container}>`);
  return undefined;
}

export class ThirdParty {
  private readonly edits: ThirdPartyEdit[] = [];

  constructor(private readonly svc: ApimService) {}

  /** Every edit made so far, oldest first. */
  all(): ThirdPartyEdit[] {
    return [...this.edits];
  }

  clear(): void {
    this.edits.length = 0;
  }

  /** Changes the entity at `path`; returns the edit, or undefined when there is nothing there to change. */
  edit(path: string): ThirdPartyEdit | undefined {
    const e = this.svc.store.get(path);
    if (!e) return undefined;
    const marker = `third-party-${this.edits.length + 1}`;
    const document = e.properties.document as PolicyDocument | undefined;
    const isFragment = /^policyFragments\/[^/]+$/i.test(e.path);
    if (document) {
      const xml = formatPolicy(document, 'rawxml');
      const edited = editXml(xml, isFragment ? 'fragment' : 'inbound', marker);
      if (edited === undefined) this.svc.store.touch(e.path);
      else if (isFragment)
        storeFragment(this.svc, e.name, {
          value: edited,
          format: 'rawxml',
          description: e.properties.description,
        });
      else storePolicy(this.svc, e.path, edited, 'rawxml');
    } else if (/^namedValues\//i.test(e.path)) {
      this.svc.store.put({ ...e, properties: { ...e.properties, value: marker } });
    } else if (/^backends\//i.test(e.path)) {
      this.svc.store.put({ ...e, properties: { ...e.properties, url: `https://${marker}.example` } });
    } else {
      this.svc.store.touch(e.path);
    }
    const edit = { path: e.path, marker, time: new Date().toISOString() };
    this.edits.push(edit);
    return edit;
  }
}
