/**
 * The policy repository as read from disk in the APIOps layout (DESIGN.md "Repository layout").
 * src/policy/layout.ts builds it; validation, planning and deployment all read it.
 */

/** Where a policy applies; decided by where its file sits in the layout. */
export type PolicyScope = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'fragment' | 'unknown';

export interface PolicyFile {
  /** Repository-relative path, forward slashes. */
  file: string;
  scope: PolicyScope;
  /** The folder names that identify the resource: apis/{apiId}/operations/{operationId}, products/{productId}, policy fragments/{fragmentId}. */
  apiId?: string;
  operationId?: string;
  productId?: string;
  fragmentId?: string;
  /**
   * The APIM workspace the resource belongs to (`workspaces/{workspaceId}/...`): the workspace policy
   * itself (scope 'workspace') and the workspace's APIs, operations, products and fragments.
   */
  workspaceId?: string;
  /** The file's text exactly as stored (raw policy format). */
  text: string;
}

export interface NamedValueDefinition {
  /** Folder name under `named values/`. */
  id: string;
  /** Set for one that belongs to an APIM workspace (`workspaces/{workspaceId}/...`). */
  workspaceId?: string;
  file: string;
  /** properties.displayName, the name `{{...}}` references use. */
  displayName: string;
  value?: string;
  secret: boolean;
  keyVault?: { secretIdentifier: string; identityClientId?: string };
  tags?: string[];
  /** The JSON exactly as parsed, for deployment. */
  properties: Record<string, unknown>;
}

export interface BackendDefinition {
  id: string;
  /** Set for one that belongs to an APIM workspace (`workspaces/{workspaceId}/...`). */
  workspaceId?: string;
  file: string;
  url?: string;
  protocol?: string;
  properties: Record<string, unknown>;
}

export interface FragmentInformation {
  id: string;
  /** Set for one that belongs to an APIM workspace (`workspaces/{workspaceId}/...`). */
  workspaceId?: string;
  /** The policyFragmentInformation.json path. */
  file: string;
  description?: string;
  properties: Record<string, unknown>;
}

export interface PolicyRepository {
  /** Absolute path of the checked-out repository. */
  root: string;
  /** Repository-relative folder that holds the APIOps layout (artifacts-path); absent for the root. */
  artifactsPath?: string;
  policies: PolicyFile[];
  namedValues: NamedValueDefinition[];
  backends: BackendDefinition[];
  fragments: FragmentInformation[];
  /** Problems reading the layout itself (unparsable JSON, a policy file in an unknown place...). */
  problems: {
    file: string;
    line: number;
    column: number;
    message: string;
    /** The file could not be used at all (too large, not valid JSON): nothing may deploy. */
    unreadable?: boolean;
  }[];
}
