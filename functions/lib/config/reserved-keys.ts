/**
 * Names every JavaScript object already has (`__proto__`, `constructor`, `toString`, ...). A config
 * entry with such a name cannot be told apart from the inherited one by code that looks it up
 * (`resources.constructor` is a function in every config), and YAML's `__proto__:` key is dropped
 * by the schema without a word: the loader refuses them instead, naming each.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Paths of every key (at any depth) named like a property of every object, e.g. `resources.constructor`. */
export function reservedKeyPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => reservedKeyPaths(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const at = path ? `${path}.${key}` : key;
    return [...(RESERVED.has(key) ? [at] : []), ...reservedKeyPaths((value as Record<string, unknown>)[key], at)];
  });
}
