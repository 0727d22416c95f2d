import type { core } from 'zod';
import { issuePath } from '../zod-issues.js';

/**
 * A key the config schema does not know (`bogusKey: 1`, `accessRules[0].whn`) is most often a
 * typo. zod reports it on the object that holds it, whose message describes the whole object
 * ("(the whole config): expected the config to be an object..."): this names the key itself and
 * lists the keys that object takes, read from the schema.
 */

type SchemaNode = core.$ZodType;
type Def = Record<string, unknown> & { type: string };
const defOf = (node: SchemaNode) => node._zod.def as unknown as Def;

/** The schema that validates the value at `path` (through defaults, optionals, arrays, records), if one is found. */
function schemaAt(root: SchemaNode, path: readonly PropertyKey[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = unwrap(root);
  for (const part of path) {
    if (!node) return undefined;
    const def = defOf(node);
    if (def.type === 'object' && typeof part === 'string') {
      const shape = def.shape as Record<string, SchemaNode>;
      node = Object.hasOwn(shape, part) ? unwrap(shape[part]) : undefined;
    } else if (def.type === 'array') node = unwrap(def.element as SchemaNode);
    else if (def.type === 'record') node = unwrap(def.valueType as SchemaNode);
    else return undefined;
  }
  return node;
}

/** Through optional, default, nullable and pipe wrappers to the schema that checks the shape. */
function unwrap(node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable' || def.type === 'readonly') current = def.innerType as SchemaNode;
    else if (def.type === 'pipe') current = def.in as SchemaNode;
    else return current;
  }
  return current;
}

/** The keys the object at `path` takes, in the schema's order (empty when unknown). */
export function knownKeysAt(root: SchemaNode, path: readonly PropertyKey[]): string[] {
  const node = schemaAt(root, path);
  const def = node && defOf(node);
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/**
 * One line per unknown key: `bogusKey: unknown key (check the spelling); the keys here are
 * resources, accessRules, ...`. Other issues: undefined (described as usual).
 */
export function describeUnknownKeys(issue: core.$ZodIssue, root: SchemaNode, rootLabel: string): string[] | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const known = knownKeysAt(root, issue.path);
  const where = issue.path.length === 0 ? 'the config' : issuePath(issue.path, rootLabel);
  const list = known.length > 0 ? `; ${where} takes ${known.join(', ')}` : '';
  return issue.keys.map((key) => `${issuePath([...issue.path, key], rootLabel)}: unknown key (check the spelling)${list}`);
}
