/** The shapes of the policy catalog (src/validate/catalog/policies.ts holds the data). */
export type Section = 'inbound' | 'backend' | 'outbound' | 'on-error';
export type CatalogScope = 'global' | 'product' | 'api' | 'operation';

export interface AttributeSpec {
  name: string;
  required?: boolean;
  /** Checked only on literal values: an expression or a `{{named value}}` is decided at run time. */
  type?: 'integer' | 'number' | 'boolean' | 'datetime';
  values?: string[];
  min?: number;
  max?: number;
  /** False where the reference says policy expressions are not allowed (default: allowed). */
  expressions?: boolean;
}

/**
 * What an element may hold: 'policies' (nested policies, checked like a section), 'policy' (this
 * element is itself a policy, e.g. set-header inside send-request), or 'any' (free content such as
 * a body template or an XSL stylesheet; not checked further).
 */
export type Content = 'policies' | 'policy' | 'any';

export interface ChildSpec {
  attributes?: AttributeSpec[];
  content?: Content;
  /** Most occurrences of this child. */
  max?: number;
}

export interface PolicySpec {
  name: string;
  category: string;
  sections: Section[];
  scopes: CatalogScope[];
  attributes: AttributeSpec[];
  /** Allowed child elements by name; absent means no child elements (unless `content` says otherwise). */
  children?: Record<string, ChildSpec>;
  requiredChildren?: string[];
  content?: Content;
  /** Whether the element may hold text (a body, a method, a message). */
  text?: boolean;
  oncePerSection?: boolean;
  /** Once in the whole policy document (rate-limit, quota). */
  oncePerDocument?: boolean;
}
