import * as z from 'zod';
import { AccountIdField, AttributeFields, DryRunField, EffectiveAtField, EmailField, ReasonField, strictInput } from './common-fields.js';
import { withExactlyOneIdentifier } from './exactly-one-identifier.js';

/** Input of the mover workflow: who moves and their new HR attributes. */
export const MoverInputSchema = withExactlyOneIdentifier(
  strictInput({
    accountId: AccountIdField.optional(),
    email: EmailField.optional(),
    ...AttributeFields,
    effectiveAt: EffectiveAtField.optional(),
    reason: ReasonField.optional(),
    dryRun: DryRunField,
  }),
).describe(
  'Mover: apply the access rules to the new attributes (attributes left out keep their directory values); ' +
    'add and remove only groups and roles the rules manage, adds first.',
);

export type MoverInput = z.output<typeof MoverInputSchema>;
