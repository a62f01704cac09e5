import type { ElementNode, TextNode } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { credentialSlots, slotPosition } from './credentials.js';
import { policies } from '../walk.js';

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
    const help =
      'Move the secret to a secret named value (preferably Key Vault-backed) and reference it as {{name}}.';
    for (const slot of credentialSlots(ctx.root)) {
      if (literal(slot.holder))
        report(
          slotPosition(slot.holder),
          `'${slot.element.name}' sets ${slot.what} to a hard-coded value.`,
          help,
        );
    }
    for (const { element: el } of policies(ctx.root)) {
      for (const a of el.attributes) {
        if (literal(a) && SECRET_PATTERN.test(a.value)) {
          report(
            slotPosition(a),
            `The '${a.name}' attribute of '${el.name}' holds a key or SAS token.`,
            help,
          );
        }
      }
      for (const t of texts(el)) {
        if (literal(t) && SECRET_PATTERN.test(t.value))
          report(t, `'${el.name}' holds a key or SAS token in its text.`, help);
      }
    }
  },
};

/** The element's own text and its children's (a value, a body): where a literal secret would sit. */
function texts(el: ElementNode): TextNode[] {
  const out: TextNode[] = [];
  for (const c of el.children) {
    if (c.type === 'text') out.push(c);
    else if (c.type === 'element') for (const g of c.children) if (g.type === 'text') out.push(g);
  }
  return out;
}
