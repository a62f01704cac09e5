import { attr, childElements, type ElementNode } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { policies } from '../walk.js';

const isHttp = (v: string): boolean => /^\s*http:\/\//i.test(v);

function textOf(el: ElementNode): { value: string; line: number; column: number } | undefined {
  const t = el.children.find((c) => c.type === 'text' && !c.expression);
  return t && t.type === 'text' ? t : undefined;
}

/** Backends and outgoing requests must use TLS: plain http exposes requests, keys and tokens. */
export const httpsOnly: LintRule = {
  meta: {
    id: 'https-only',
    category: 'security',
    severity: 'warning',
    summary: 'Backends and outgoing request URLs use https.',
    docs: 'set-backend-service base-url, send-request/send-one-way-request set-url, proxy url and backend definitions (backends/*/backendInformation.json) with a literal `http://` URL send traffic, and often credentials, unencrypted. Use `https://`.',
  },
  checkDocument(ctx, report) {
    for (const { element: el } of policies(ctx.root)) {
      const a =
        el.name === 'set-backend-service'
          ? attr(el, 'base-url')
          : el.name === 'proxy'
            ? attr(el, 'url')
            : undefined;
      if (a && !a.expression && isHttp(a.value)) {
        report(
          { line: a.valueLine, column: a.valueColumn },
          `'${el.name}' uses the plain-http URL '${a.value}'.`,
          'Use https://.',
        );
      }
      if (el.name === 'send-request' || el.name === 'send-one-way-request') {
        for (const url of childElements(el).filter((c) => c.name === 'set-url')) {
          const t = textOf(url);
          if (t && isHttp(t.value))
            report(url, `'set-url' uses the plain-http URL '${t.value.trim()}'.`, 'Use https://.');
        }
      }
    }
  },
  checkRepository(ctx) {
    for (const b of ctx.repo.backends) {
      if (b.url && isHttp(b.url)) {
        ctx.report(
          b.file,
          { line: 1, column: 1 },
          `The backend '${b.id}' uses the plain-http URL '${b.url}'.`,
          'Use https://.',
        );
      }
    }
  },
};
