import { attr, childElements, type Attribute, type ElementNode, type TextNode } from '../../policy/ast.js';
import { policies } from '../walk.js';

/** Headers and query parameters whose value is a credential. */
const SECRET_HEADERS =
  /^(authorization|proxy-authorization|ocp-apim-subscription-key|api-key|x-api-key|x-functions-key|x-ms-client-secret)$/i;
const SECRET_QUERY = /^(code|key|api-key|apikey|sig|subscription-key|client_secret|access_token)$/i;

/** A place in a policy whose value is a credential: a password attribute, an Authorization header value... */
export interface CredentialSlot {
  element: ElementNode;
  holder: Attribute | TextNode;
  /** What the value is, for messages ("password", "the 'Authorization' header"). */
  what: string;
}

/** Every credential position of a document (shared by hardcoded-secret and named-value-not-secret). */
export function credentialSlots(root: ElementNode): CredentialSlot[] {
  const out: CredentialSlot[] = [];
  for (const { element: el } of policies(root)) {
    if (
      el.name === 'authentication-basic' ||
      el.name === 'authentication-certificate' ||
      el.name === 'proxy'
    ) {
      const a = attr(el, 'password');
      if (a) out.push({ element: el, holder: a, what: 'password' });
    }
    const target = attr(el, 'name')?.value ?? '';
    const header = el.name === 'set-header' && SECRET_HEADERS.test(target);
    const query = el.name === 'set-query-parameter' && SECRET_QUERY.test(target);
    if ((header || query) && attr(el, 'exists-action')?.value !== 'delete') {
      for (const v of childElements(el).filter((c) => c.name === 'value')) {
        const t = v.children.find((c): c is TextNode => c.type === 'text' && c.value.trim() !== '');
        if (t)
          out.push({
            element: el,
            holder: t,
            what: `the '${target}' ${header ? 'header' : 'query parameter'}`,
          });
      }
    }
  }
  return out;
}

/** Where a finding about a slot points: the attribute value or the text. */
export function slotPosition(holder: Attribute | TextNode): { line: number; column: number } {
  return 'valueLine' in holder ? { line: holder.valueLine, column: holder.valueColumn } : holder;
}
