import type { LintRule } from '../rule.js';
import { credentialSlots, slotPosition } from './credentials.js';

/** A credential referenced as `{{name}}` still leaks when the named value itself is a plain one. */
export const namedValueNotSecret: LintRule = {
  meta: {
    id: 'named-value-not-secret',
    category: 'security',
    severity: 'warning',
    summary: 'A named value used as a credential is secret or Key Vault-backed.',
    docs: 'A password, Authorization header or API key taken from a named value is only protected if that named value is marked `secret: true` or, better, backed by Key Vault (`keyVault.secretIdentifier` in namedValueInformation.json): a plain named value is shown in the portal and returned by the management API. Checked for named values defined in the repository; external ones are not known here.',
  },
  checkDocument(ctx, report) {
    if (!ctx.namedValues.size) return;
    const byName = new Map([...ctx.namedValues].map(([name, def]) => [name.toLowerCase(), def]));
    for (const slot of credentialSlots(ctx.root)) {
      for (const ref of slot.holder.namedValues) {
        const def = byName.get(ref.name.toLowerCase());
        if (def && !def.secret && !def.keyVault) {
          report(
            'valueLine' in slot.holder ? ref : slotPosition(slot.holder),
            `'${slot.element.name}' takes ${slot.what} from the named value '${ref.name}', which is neither secret nor Key Vault-backed.`,
            `Mark '${def.file}' secret, or back it with Key Vault (properties.keyVault.secretIdentifier).`,
          );
        }
      }
    }
  },
};
