/**
 * The `context` object model of policy expressions, from the "Context variable" table of the
 * documentation page "API Management policy expressions" (same source as allowed-type-table.ts).
 * Each type lists its members with their type and the page's wording. A member's type names another
 * entry here (so `context.Request.Url.Host` can be followed) or a .NET type, whose members are not
 * checked. Type names are the page's (`IUrl`, `IMessageBody`); where the page gives none, the entry is
 * named after its path (`context.Request`).
 */
export interface ModelMember {
  /** The member's type: an entry of CONTEXT_MODEL, or a .NET type as the page writes it. */
  type: string;
  doc: string;
  /** A method rather than a property. */
  method?: boolean;
}

export const CONTEXT_MODEL_SOURCE =
  'https://learn.microsoft.com/azure/api-management/api-management-policy-expressions#ContextVariables';

const IRESPONSE: Record<string, ModelMember> = {
  Body: { type: 'IMessageBody', doc: 'IMessageBody' },
  Headers: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
  StatusCode: { type: 'int', doc: 'int' },
  StatusReason: { type: 'string', doc: 'string' },
};

export const CONTEXT_MODEL: Record<string, Record<string, ModelMember>> = {
  context: {
    Api: { type: 'IApi', doc: 'IApi' },
    Deployment: { type: 'context.Deployment', doc: 'Deployment' },
    Elapsed: {
      type: 'TimeSpan',
      doc: 'TimeSpan - time interval between the value of Timestamp and current time',
    },
    GraphQL: { type: 'context.GraphQL', doc: 'GraphQL' },
    LastError: { type: 'context.LastError', doc: 'LastError' },
    Operation: { type: 'context.Operation', doc: 'Operation' },
    Product: { type: 'context.Product', doc: 'Product' },
    Request: { type: 'context.Request', doc: 'Request' },
    RequestId: { type: 'Guid', doc: 'Guid - unique request identifier' },
    Response: { type: 'IResponse', doc: 'Response' },
    Subscription: { type: 'context.Subscription', doc: 'Subscription' },
    Timestamp: { type: 'DateTime', doc: 'DateTime - point in time when request was received' },
    Tracing: { type: 'bool', doc: 'bool - indicates if tracing is on or off' },
    User: { type: 'context.User', doc: 'User' },
    Variables: { type: 'IReadOnlyDictionary<string, object>', doc: 'IReadOnlyDictionary<string, object>' },
    Trace: { type: 'void', doc: 'void Trace(message: string)', method: true },
    Workspace: { type: 'context.Workspace', doc: 'Workspace' },
  },
  IApi: {
    Id: { type: 'string', doc: 'string' },
    IsCurrentRevision: { type: 'bool', doc: 'bool' },
    Name: { type: 'string', doc: 'string' },
    Path: { type: 'string', doc: 'string' },
    Protocols: { type: 'IEnumerable<string>', doc: 'IEnumerable<string>' },
    Revision: { type: 'string', doc: 'string' },
    ServiceUrl: { type: 'IUrl', doc: 'IUrl' },
    SubscriptionKeyParameterNames: {
      type: 'ISubscriptionKeyParameterNames',
      doc: 'ISubscriptionKeyParameterNames',
    },
    Version: { type: 'string', doc: 'string' },
  },
  'context.Deployment': {
    Gateway: { type: 'context.Deployment.Gateway', doc: 'Gateway' },
    GatewayId: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
    Region: { type: 'string', doc: 'string' },
    ServiceId: { type: 'string', doc: 'string' },
    ServiceName: { type: 'string', doc: 'string' },
    SustainabilityInfo: { type: 'context.Deployment.SustainabilityInfo', doc: 'SustainabilityInfo' },
    Certificates: {
      type: 'IReadOnlyDictionary<string, X509Certificate2>',
      doc: 'IReadOnlyDictionary<string, X509Certificate2>',
    },
  },
  'context.Deployment.Gateway': {
    Id: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
    InstanceId: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
    IsManaged: { type: 'bool', doc: 'bool' },
  },
  'context.Deployment.SustainabilityInfo': {
    CurrentCarbonIntensity: { type: 'CarbonIntensityCategory', doc: 'Enum CarbonIntensityCategory' },
  },
  'context.GraphQL': {
    GraphQLArguments: { type: 'IGraphQLDataObject', doc: 'IGraphQLDataObject' },
    Parent: { type: 'IGraphQLDataObject', doc: 'IGraphQLDataObject' },
  },
  'context.LastError': {
    Source: { type: 'string', doc: 'string' },
    Reason: { type: 'string', doc: 'string' },
    Message: { type: 'string', doc: 'string' },
    Scope: { type: 'string', doc: 'string' },
    Section: { type: 'string', doc: 'string' },
    Path: { type: 'string', doc: 'string' },
    PolicyId: { type: 'string', doc: 'string' },
  },
  'context.Operation': {
    Id: { type: 'string', doc: 'string' },
    Method: { type: 'string', doc: 'string' },
    Name: { type: 'string', doc: 'string' },
    UrlTemplate: { type: 'string', doc: 'string' },
  },
  'context.Product': {
    ApprovalRequired: { type: 'bool', doc: 'bool' },
    Groups: { type: 'IEnumerable<IGroup>', doc: 'IEnumerable<IGroup>' },
    Id: { type: 'string', doc: 'string' },
    Name: { type: 'string', doc: 'string' },
    State: { type: 'ProductState', doc: 'enum ProductState {NotPublished, Published}' },
    SubscriptionsLimit: { type: 'int?', doc: 'int?' },
    SubscriptionRequired: { type: 'bool', doc: 'bool' },
  },
  'context.Request': {
    Body: { type: 'IMessageBody', doc: "IMessageBody or null if request doesn't have a body." },
    Certificate: {
      type: 'X509Certificate2',
      doc: 'System.Security.Cryptography.X509Certificates.X509Certificate2',
    },
    Headers: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
    IpAddress: { type: 'string', doc: 'string' },
    MatchedParameters: {
      type: 'IReadOnlyDictionary<string, string>',
      doc: 'IReadOnlyDictionary<string, string>',
    },
    Method: { type: 'string', doc: 'string' },
    OriginalUrl: { type: 'IUrl', doc: 'IUrl' },
    Url: { type: 'IUrl', doc: 'IUrl' },
    PrivateEndpointConnection: {
      type: 'IPrivateEndpointConnection',
      doc: "IPrivateEndpointConnection or null if request doesn't come from a private endpoint connection.",
    },
  },
  /** context.Response, and what send-request stores in its response variable (cast with `(IResponse)`). */
  IResponse: IRESPONSE,
  'context.Subscription': {
    CreatedDate: { type: 'DateTime', doc: 'DateTime' },
    EndDate: { type: 'DateTime?', doc: 'DateTime?' },
    Id: { type: 'string', doc: 'string' },
    Key: { type: 'string', doc: 'string' },
    Name: { type: 'string', doc: 'string' },
    PrimaryKey: { type: 'string', doc: 'string' },
    SecondaryKey: { type: 'string', doc: 'string' },
    StartDate: { type: 'DateTime?', doc: 'DateTime?' },
  },
  'context.User': {
    Email: { type: 'string', doc: 'string' },
    FirstName: { type: 'string', doc: 'string' },
    Groups: { type: 'IEnumerable<IGroup>', doc: 'IEnumerable<IGroup>' },
    Id: { type: 'string', doc: 'string' },
    Identities: { type: 'IEnumerable<IUserIdentity>', doc: 'IEnumerable<IUserIdentity>' },
    LastName: { type: 'string', doc: 'string' },
    Note: { type: 'string', doc: 'string' },
    RegistrationDate: { type: 'DateTime', doc: 'DateTime' },
  },
  'context.Workspace': {
    Id: { type: 'string', doc: 'string' },
    Name: { type: 'string', doc: 'string' },
  },
  IGroup: {
    Id: { type: 'string', doc: 'string' },
    Name: { type: 'string', doc: 'string' },
  },
  IMessageBody: {
    As: {
      type: 'T',
      doc: 'As<T>(bool preserveContent = false): Where T: string, byte[], JObject, JToken, JArray, XNode, XElement, XDocument',
      method: true,
    },
    AsFormUrlEncodedContent: {
      type: 'IDictionary<string, IList<string>>',
      doc: 'AsFormUrlEncodedContent(bool preserveContent = false)',
      method: true,
    },
  },
  IPrivateEndpointConnection: {
    Name: { type: 'string', doc: 'string' },
    GroupId: { type: 'string', doc: 'string' },
    MemberName: { type: 'string', doc: 'string' },
  },
  IUrl: {
    Host: { type: 'string', doc: 'string' },
    Path: { type: 'string', doc: 'string' },
    Port: { type: 'int', doc: 'int' },
    Query: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
    QueryString: { type: 'string', doc: 'string' },
    Scheme: { type: 'string', doc: 'string' },
  },
  ISubscriptionKeyParameterNames: {
    Header: { type: 'string', doc: 'string' },
    Query: { type: 'string', doc: 'string' },
  },
  IUserIdentity: {
    Id: { type: 'string', doc: 'string' },
    Provider: { type: 'string', doc: 'string' },
  },
  BasicAuthCredentials: {
    Password: { type: 'string', doc: 'string' },
    UserId: { type: 'string', doc: 'string' },
  },
  Jwt: {
    Algorithm: { type: 'string', doc: 'string' },
    Audiences: { type: 'IEnumerable<string>', doc: 'IEnumerable<string>' },
    Claims: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
    ExpirationTime: { type: 'DateTime?', doc: 'DateTime?' },
    Id: { type: 'string', doc: 'string' },
    Issuer: { type: 'string', doc: 'string' },
    IssuedAt: { type: 'DateTime?', doc: 'DateTime?' },
    NotBefore: { type: 'DateTime?', doc: 'DateTime?' },
    Subject: { type: 'string', doc: 'string' },
    Type: { type: 'string', doc: 'string' },
  },
};

/** The types `IMessageBody.As<T>` reads a body as (the page's "Where T:" list). */
export const BODY_AS_TYPES = [
  'string',
  'byte[]',
  'JObject',
  'JToken',
  'JArray',
  'XNode',
  'XElement',
  'XDocument',
];

/** Model types a policy may name (in a cast such as `(IResponse)context.Variables["r"]`). */
export const NAMED_MODEL_TYPES = Object.keys(CONTEXT_MODEL).filter((k) => !k.startsWith('context'));

/**
 * The extension methods the page lists (AsJwt, AsBasic, TryParseJwt, TryParseBasic, Encrypt,
 * Decrypt, VerifyNoRevocation) need no entry: they hang off string, byte[] and X509Certificate2,
 * whose members are not checked.
 */
