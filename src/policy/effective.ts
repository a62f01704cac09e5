import { attr, childElements, type ElementNode, type PolicyNode } from './ast.js';

/**
 * The policy APIM actually runs for an API or operation: global -> product -> API -> operation, each
 * level's `<base />` replaced by the level above, and include-fragment replaced by the fragment's
 * policies. Chain rules judge this, not a single file.
 */
export interface PolicyLevel {
  file: string;
  root: ElementNode;
}

export interface EffectivePolicy {
  apiId: string;
  operationId?: string;
  /** The most specific file of the chain (where chain findings are reported). */
  file: string;
  /** Where in `file` a chain finding points: its `<inbound>` section, else its root element. */
  at: { line: number; column: number };
  /** The files composed, outermost first. */
  chain: string[];
  /** A synthetic `<policies>` element; its policy elements are the originals (positions intact). */
  root: ElementNode;
}

const SECTION_NAMES = ['inbound', 'backend', 'outbound', 'on-error'];

/** Composes levels (outermost first). A section a level leaves out inherits the one above unchanged. */
export function composeLevels(
  levels: PolicyLevel[],
  fragments: Map<string, ElementNode> = new Map(),
  /** An already composed parent (the API's effective policy when composing an operation's). */
  onto?: ElementNode,
): ElementNode {
  let sections = new Map<string, PolicyNode[]>();
  for (const s of onto ? childElements(onto) : []) sections.set(s.name, s.children);
  for (const level of levels) {
    if (level.root.name !== 'policies') continue;
    const next = new Map(sections);
    for (const s of childElements(level.root)) {
      if (!SECTION_NAMES.includes(s.name)) continue;
      next.set(s.name, expand(childElements(s), sections.get(s.name) ?? [], fragments, 0));
    }
    sections = next;
  }
  const root = synthetic('policies', []);
  for (const name of SECTION_NAMES) {
    const children = sections.get(name);
    if (children) root.children.push(synthetic(name, children));
  }
  return root;
}

function expand(
  elements: ElementNode[],
  parent: PolicyNode[],
  fragments: Map<string, ElementNode>,
  depth: number,
): PolicyNode[] {
  const out: PolicyNode[] = [];
  for (const el of elements) {
    if (el.name === 'base') out.push(...parent);
    else if (el.name === 'include-fragment' && depth < 4) {
      const fragment = fragments.get(attr(el, 'fragment-id')?.value ?? '');
      if (fragment) out.push(...expand(childElements(fragment), [], fragments, depth + 1));
      else out.push(el);
    } else out.push(el);
  }
  return out;
}

function synthetic(name: string, children: PolicyNode[]): ElementNode {
  return { type: 'element', name, attributes: [], children, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Prints an effective policy as XML, with a comment naming the file each policy comes from. */
export function printEffective(
  root: ElementNode,
  source: (el: ElementNode) => string | undefined,
  text: (el: ElementNode) => string,
): string {
  const lines = ['<policies>'];
  for (const section of childElements(root)) {
    lines.push(`  <${section.name}>`);
    for (const el of childElements(section)) {
      const from = source(el);
      if (from) lines.push(`    <!-- from ${from}:${el.line} -->`);
      lines.push(
        ...text(el)
          .split('\n')
          .map((l) => `    ${l}`),
      );
    }
    lines.push(`  </${section.name}>`);
  }
  lines.push('</policies>');
  return lines.join('\n');
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Composition is deferred until a rule asks for the root: most operation roots are never needed. */
function effective(
  apiId: string,
  operationId: string | undefined,
  level: PolicyLevel,
  chain: string[],
  root: () => ElementNode,
): EffectivePolicy {
  const inbound = level.root.children.find(
    (c): c is ElementNode => c.type === 'element' && c.name === 'inbound',
  );
  const at = inbound ?? level.root;
  return {
    apiId,
    operationId,
    file: level.file,
    at: { line: at.line, column: at.column },
    chain,
    get root() {
      return root();
    },
  };
}

type PolicyFileInput = {
  file: string;
  scope: string;
  apiId?: string;
  operationId?: string;
  productId?: string;
  fragmentId?: string;
  workspaceId?: string;
  root?: ElementNode;
};

/**
 * Every API (and every operation with a policy file) of the repository with its effective policy.
 * `productsOf` gives the products an API belongs to; a product level is used only when there is
 * exactly one, since with several the effective policy depends on the caller's subscription.
 * A workspace's APIs compose global -> workspace policy -> API -> operation, with the workspace's
 * fragments and the service's; an API id in a workspace is not the service API of the same id.
 */
export function effectivePolicies(
  policyFiles: PolicyFileInput[],
  productsOf: (apiId: string) => string[],
): EffectivePolicy[] {
  const service = policyFiles.filter((p) => !p.workspaceId);
  const global = service.find((p) => p.scope === 'global' && p.root);
  const globalLevels: PolicyLevel[] = global?.root ? [{ file: global.file, root: global.root }] : [];
  const out = chains(service, productsOf, globalLevels, fragmentsOf(service));
  const workspaces = [...new Set(policyFiles.flatMap((p) => (p.workspaceId ? [p.workspaceId] : [])))].sort();
  for (const ws of workspaces) {
    const files = policyFiles.filter((p) => p.workspaceId === ws);
    const wsPolicy = files.find((p) => p.scope === 'workspace' && p.root);
    const levels = wsPolicy?.root
      ? [...globalLevels, { file: wsPolicy.file, root: wsPolicy.root }]
      : globalLevels;
    const fragments = new Map([...fragmentsOf(service), ...fragmentsOf(files)]);
    out.push(...chains(files, () => [], levels, fragments));
  }
  return out;
}

function fragmentsOf(files: PolicyFileInput[]): Map<string, ElementNode> {
  const fragments = new Map<string, ElementNode>();
  for (const p of files)
    if (p.scope === 'fragment' && p.fragmentId && p.root) fragments.set(p.fragmentId, p.root);
  return fragments;
}

/** The effective policies of one set of APIs (the service's, or one workspace's) below `above`. */
function chains(
  policyFiles: PolicyFileInput[],
  productsOf: (apiId: string) => string[],
  above: PolicyLevel[],
  fragments: Map<string, ElementNode>,
): EffectivePolicy[] {
  const apiFile = new Map<string, PolicyLevel>();
  const apis = new Set<string>();
  const operations = new Map<string, typeof policyFiles>();
  for (const p of policyFiles) {
    if (p.apiId) apis.add(p.apiId);
    if (p.scope === 'operation' && p.apiId && p.root)
      operations.set(p.apiId, [...(operations.get(p.apiId) ?? []), p]);
    if (p.scope === 'api' && p.apiId && p.root) apiFile.set(p.apiId, { file: p.file, root: p.root });
  }
  const out: EffectivePolicy[] = [];
  for (const apiId of [...apis].sort()) {
    const levels: PolicyLevel[] = [...above];
    const products = productsOf(apiId);
    const product =
      products.length === 1
        ? policyFiles.find((p) => p.scope === 'product' && p.productId === products[0] && p.root)
        : undefined;
    if (product?.root) levels.push({ file: product.file, root: product.root });
    const api = apiFile.get(apiId);
    if (api) levels.push(api);
    if (!levels.length) continue;
    const chain = levels.map((l) => l.file);
    const apiRoot = lazy(() => composeLevels(levels, fragments));
    out.push(effective(apiId, undefined, api ?? levels[levels.length - 1], chain, apiRoot));
    for (const op of operations.get(apiId) ?? []) {
      const opLevel = { file: op.file, root: op.root as ElementNode };
      const root = lazy(() => composeLevels([opLevel], fragments, apiRoot()));
      out.push(effective(apiId, op.operationId, opLevel, [...chain, op.file], root));
    }
  }
  return out;
}
