/**
 * The policies the emulated service knows, with the sections and scopes where it accepts them. Kept
 * here, apart from the project's own policy catalog, because the emulator stands in for Azure.
 * Source: learn.microsoft.com/azure/api-management/api-management-policies ("Policy sections",
 * "Policy scopes" of each policy).
 */

export type Section = 'inbound' | 'backend' | 'outbound' | 'on-error';
/** `workspace` is a workspace's own policy: below global, so `<base />` is allowed there. */
export type Scope = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'fragment';

export const sections: Section[] = ['inbound', 'backend', 'outbound', 'on-error'];

interface PolicyRule {
  sections?: Section[];
  /** Scopes where the policy is refused. */
  notIn?: Scope[];
  /** Attributes the policy cannot do without. */
  required?: string[];
}

const anywhere: PolicyRule = {};
const inbound: PolicyRule = { sections: ['inbound'] };

export const policyRules: Record<string, PolicyRule> = {
  base: { notIn: ['global', 'fragment'] },
  choose: anywhere,
  retry: { required: ['condition', 'count', 'interval'] },
  wait: anywhere,
  'return-response': anywhere,
  'send-request': anywhere,
  'send-one-way-request': anywhere,
  'set-variable': { required: ['name', 'value'] },
  trace: { required: ['source'] },
  'log-to-eventhub': { required: ['logger-id'] },
  'emit-metric': { required: ['name'] },
  'limit-concurrency': { required: ['key', 'max-count'] },
  'include-fragment': { required: ['fragment-id'] },
  'mock-response': { sections: ['inbound', 'outbound', 'on-error'] },
  'set-header': { sections: ['inbound', 'outbound', 'backend', 'on-error'], required: ['name'] },
  'set-query-parameter': { sections: ['inbound', 'backend'], required: ['name'] },
  'set-body': { sections: ['inbound', 'outbound', 'backend'] },
  'rewrite-uri': { sections: ['inbound'], required: ['template'] },
  'set-backend-service': { sections: ['inbound', 'backend'] },
  'forward-request': { sections: ['backend'] },
  'set-method': { sections: ['inbound', 'on-error'] },
  'set-status': { required: ['code'] },
  'rate-limit': { ...inbound, notIn: ['global'], required: ['calls', 'renewal-period'] },
  'rate-limit-by-key': { ...inbound, required: ['calls', 'renewal-period', 'counter-key'] },
  quota: { ...inbound, notIn: ['global'], required: ['renewal-period'] },
  'quota-by-key': { ...inbound, required: ['renewal-period', 'counter-key'] },
  'check-header': { ...inbound, required: ['name', 'failed-check-httpcode', 'failed-check-error-message'] },
  'ip-filter': { ...inbound, required: ['action'] },
  'validate-jwt': inbound,
  'validate-azure-ad-token': { ...inbound, required: ['tenant-id'] },
  'authentication-basic': { ...inbound, required: ['username', 'password'] },
  'authentication-certificate': inbound,
  'authentication-managed-identity': { ...inbound, required: ['resource'] },
  'get-authorization-context': inbound,
  cors: inbound,
  'cross-domain': inbound,
  jsonp: { sections: ['outbound'], required: ['callback-parameter-name'] },
  'json-to-xml': { sections: ['inbound', 'outbound', 'on-error'], required: ['apply'] },
  'xml-to-json': { sections: ['inbound', 'outbound', 'on-error'], required: ['kind', 'apply'] },
  'find-and-replace': { required: ['from', 'to'] },
  'redirect-content-urls': { sections: ['inbound', 'outbound'] },
  'cache-lookup': { ...inbound, required: ['vary-by-developer', 'vary-by-developer-groups'] },
  'cache-store': { sections: ['outbound'] },
  'cache-lookup-value': { required: ['key', 'variable-name'] },
  'cache-store-value': { required: ['key', 'value', 'duration'] },
  'cache-remove-value': { required: ['key'] },
  'validate-content': { sections: ['inbound', 'outbound', 'on-error'] },
  'validate-parameters': inbound,
  'validate-headers': { sections: ['outbound', 'on-error'] },
  'validate-status-code': { sections: ['outbound', 'on-error'] },
  'validate-odata-request': inbound,
  'validate-graphql-request': inbound,
  'validate-client-certificate': inbound,
  'xsl-transform': { sections: ['inbound', 'outbound'] },
  'publish-to-dapr': anywhere,
  'invoke-dapr-binding': anywhere,
  'set-backend-service-dapr': inbound,
  'azure-openai-token-limit': inbound,
  'azure-openai-emit-token-metric': inbound,
  'azure-openai-semantic-cache-lookup': inbound,
  'azure-openai-semantic-cache-store': { sections: ['outbound'] },
  'llm-token-limit': inbound,
  'llm-emit-token-metric': inbound,
  'llm-semantic-cache-lookup': inbound,
  'llm-semantic-cache-store': { sections: ['outbound'] },
  'llm-content-safety': inbound,
  proxy: anywhere,
};

/** Elements whose children are again policies of the same section. */
export const containers: Record<string, string[]> = {
  choose: ['when', 'otherwise'],
  retry: [],
  wait: [],
};
