import { attr, childElements, type Attribute, type ElementNode, type TextNode } from '../../policy/ast.js';
import type { LintRule, Report } from '../rule.js';
import { policies } from '../walk.js';

/** Headers and query parameters whose value is a credential. */
const SECRET_HEADERS =
  /^(authorization|proxy-authorization|ocp-apim-subscription-key|api-key|x-api-key|x-functions-key|x-ms-client-secret)$/i;
const SECRET_QUERY = /^(code|key|api-key|apikey|sig|subscription-key|client_secret|access_token)$/i;
/** SAS tokens, storage/Service Bus connection strings and similar, anywhere in a literal. */
const SECRET_PATTERN =
  /(?:[?&]sig=[A-Za-z0-9%+/=]{16,}|AccountKey=[^;\s]{16,}|SharedAccessKey=[^;\s]{16,}|client_secret=[^&\s]{8,})/i;

const literal = (v: { expression?: unknown; namedValues: unknown[]; value: string }): boolean =>
  !v.expression && v.namedValues.length === 0 && v.value.trim() !== '';

/** A secret in the policy text ends up in the repository, in APIM exports and in traces. */
export const hardcodedSecret: LintRule = {
  meta: {
    id: 'hardcoded-secret',
    category: 'security',
    severity: 'error',
    summary:
      'Passwords, keys, Authorization headers, SAS tokens and connection strings come from named values.',
    docs: 'A credential written into a policy is stored in the repository history, shown to everyone who can read the API configuration, and cannot be rotated without a deployment. Put it in a secret named value, preferably backed by Key Vault, and reference it as `{{name}}`. Checked: authentication-basic password, authentication-certificate and proxy password, set-header for Authorization and API-key headers, set-query-parameter for key-like parameters, and SAS signatures, AccountKey= and SharedAccessKey= in any literal value.',
  },
  checkDocument(ctx, report) {
    for (const { element: el } of policies(ctx.root)) {
      for (const name of passwordAttributes(el.name)) {
        const a = attr(el, name);
        if (a && literal(a)) flag(report, a, `'${el.name}' has a hard-coded ${name}.`);
      }
      const target = attr(el, 'name')?.value ?? '';
      const secretName =
        (el.name === 'set-header' && SECRET_HEADERS.test(target)) ||
        (el.name === 'set-query-parameter' && SECRET_QUERY.test(target));
      if (secretName && attr(el, 'exists-action')?.value !== 'delete') {
        for (const v of childElements(el).filter((c) => c.name === 'value')) {
          const t = textChild(v);
          if (t && literal(t)) flag(report, t, `'${el.name}' sets '${target}' to a hard-coded value.`);
        }
      }
      for (const a of el.attributes)
        if (literal(a) && SECRET_PATTERN.test(a.value))
          flag(report, a, `The '${a.name}' attribute of '${el.name}' holds a key or SAS token.`);
      for (const t of texts(el))
        if (literal(t) && SECRET_PATTERN.test(t.value))
          flag(report, t, `'${el.name}' holds a key or SAS token in its text.`);
    }
  },
};

function passwordAttributes(policy: string): string[] {
  if (policy === 'authentication-basic' || policy === 'authentication-certificate' || policy === 'proxy')
    return ['password'];
  return [];
}

function flag(report: Report, at: Attribute | TextNode, message: string): void {
  const pos = 'valueLine' in at ? { line: at.valueLine, column: at.valueColumn } : at;
  report(
    pos,
    message,
    'Move the secret to a secret named value (preferably Key Vault-backed) and reference it as {{name}}.',
  );
}

function textChild(el: ElementNode): TextNode | undefined {
  return el.children.find((c): c is TextNode => c.type === 'text' && c.value.trim() !== '');
}

/** The element's own text and its children's (a value, a body): where a literal secret would sit. */
function texts(el: ElementNode): TextNode[] {
  const out: TextNode[] = [];
  for (const c of el.children) {
    if (c.type === 'text') out.push(c);
    else if (c.type === 'element') for (const g of c.children) if (g.type === 'text') out.push(g);
  }
  return out;
}
