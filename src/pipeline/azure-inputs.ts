/**
 * The Azure inputs (action inputs, task inputs, CLI options, APIM_GOGS_* variables), and the one
 * function that turns them into a signed-in connection. No input holds a secret.
 */
export const AZURE_INPUTS = {
  auth: {
    description:
      'github-oidc | azure-devops | managed-identity | workload-identity | azure-cli (default: github-oidc in GitHub Actions, azure-devops in Azure Pipelines, azure-cli in the CLI)',
  },
  'tenant-id': { description: 'Entra tenant of the app registration' },
  'client-id': { description: 'Client id of the app registration (or user-assigned managed identity)' },
  'subscription-id': { description: 'Subscription of the APIM service' },
  'resource-group': { description: 'Resource group of the APIM service' },
  'service-name': { description: 'Name of the APIM service' },
  audience: {
    default: 'api://AzureADTokenExchange',
    description: 'Audience of the OIDC ID token (github-oidc)',
  },
  'arm-endpoint': {
    description: 'ARM endpoint (default https://management.azure.com; the emulator for rehearsals)',
  },
  'authority-host': { description: 'Entra authority host (default https://login.microsoftonline.com)' },
  concurrency: { default: '4', description: 'Parallel ARM writes' },
  apis: { description: 'Comma-separated API ids: deploy only their API and operation policies' },
  products: { description: 'Comma-separated product ids: deploy only their product policies' },
  prune: {
    default: 'false',
    description: 'Delete live resources apim-gogs deployed that the repository no longer has',
  },
} satisfies Record<string, { default?: string; description: string }>;
