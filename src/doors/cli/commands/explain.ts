import path from 'node:path';
import { ConfigurationError, ExitCode } from '../../../shared/errors.js';
import type { ElementNode } from '../../../policy/ast.js';
import { effectivePolicies, printEffective } from '../../../policy/effective.js';
import { loadRepository } from '../../../policy/layout.js';
import { loadProductApis } from '../../../policy/products.js';
import { readPolicy } from '../../../policy/reader.js';
import { elementSource } from '../../../policy/source.js';
import { cliHost } from '../cli-host.js';
import type { Command } from '../command.js';
import { parseArgs } from '../parse-args.js';

/** `apim-gogs explain <api>[/<operation>]`: prints the effective policy APIM runs, each policy with its source. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'Print the effective policy of an API or operation (global -> product -> API -> operation)',
  usage: [
    'apim-gogs explain <api>[/<operation>] [--dir DIR]',
    '',
    'Composes the policy APIM runs: each <base /> replaced by the scope above, include-fragment by the',
    "fragment's policies. Each policy is preceded by a comment naming the file and line it comes from.",
    'The product level is included when the API belongs to exactly one product (products/*/apis.json).',
  ].join('\n'),
  async run(args, io = {}) {
    const host = cliHost(io);
    const { options, positionals } = parseArgs(args, { values: ['dir'] });
    const target = positionals[0];
    if (!target || positionals.length > 1)
      throw new ConfigurationError('explain needs one <api>[/<operation>].');
    const [apiId, operationId] = target.split('/');
    const root = path.resolve(options.get('dir') ?? '.');
    const repo = await loadRepository(root);
    const products = await loadProductApis(repo.root);
    const sources = new Map<ElementNode, { file: string; text: string }>();
    const parsed = repo.policies.map((p) => {
      const read = readPolicy(p.text);
      if (read.root) remember(read.root, p.file, p.text, sources);
      return { ...p, root: read.root };
    });
    const found = effectivePolicies(parsed, (api) => products.get(api) ?? []).find(
      (e) => e.apiId === apiId && e.operationId === operationId,
    );
    if (!found) {
      throw new ConfigurationError(
        `No policy found for '${target}' in ${root}.`,
        'Name an API folder under apis/ (and an operation under it).',
      );
    }
    host.emitReport(`<!-- effective policy of ${target}: ${found.chain.join(' -> ')} -->`);
    host.emitReport(
      printEffective(
        found.root,
        (el) => {
          const s = sources.get(el);
          return s && s.file;
        },
        (el) => {
          const s = sources.get(el);
          return s ? elementSource(s.text, el) : `<${el.name} />`;
        },
      ),
    );
    return ExitCode.Ok;
  },
};

function remember(
  root: ElementNode,
  file: string,
  text: string,
  into: Map<ElementNode, { file: string; text: string }>,
): void {
  const stack = [root];
  while (stack.length) {
    const el = stack.pop() as ElementNode;
    into.set(el, { file, text });
    for (const c of el.children) if (c.type === 'element') stack.push(c);
  }
}
