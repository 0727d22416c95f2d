import type { BindableAction } from './task-bindings.js';

/**
 * Loads the action list of `functions/registry.ts` (the single list infra and the engine share).
 * Imported lazily so the CLI can print `--help` and reject bad input without loading any handler.
 */
export async function loadRegistryActions(): Promise<readonly BindableAction[]> {
  const registry = (await import('../../functions/registry.js')) as Record<string, unknown>;
  const list = Object.values(registry).find(isActionList);
  if (!list) {
    throw new Error('functions/registry.ts exports no list of actions with { name, placeholder, loadHandler }');
  }
  return list;
}

function isActionList(value: unknown): value is BindableAction[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item?.placeholder === 'string' && typeof item?.loadHandler === 'function')
  );
}
