import type { BindableAction } from './task-bindings.js';

/**
 * The actions of `functions/registry.ts` (the single list infra and the engine share). Imported
 * lazily so the CLI can print `--help` and reject bad input without loading any handler.
 */
export async function loadRegistryActions(): Promise<readonly BindableAction[]> {
  const { ACTIONS } = await import('../../functions/registry.js');
  return ACTIONS;
}
