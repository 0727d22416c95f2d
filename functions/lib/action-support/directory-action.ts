import type { ZodType, core } from 'zod';
import type { Directory } from '../atlassian/directory.js';
import type { ActionLogger } from '../observability.js';
import { createActionHandler, type ActionHandler } from '../middleware/create-action-handler.js';
import { resolveDirectory } from '../middleware/directory-deps.js';

/** What a directory action's core receives: the Directory and the invocation's logger. */
export interface DirectoryDeps {
  directory: Directory;
  logger: ActionLogger;
}

/** A directory action's core: validated input in, typed result out; no middy, no Lambda. */
export type DirectoryActionCore<S extends ZodType, R> = (input: core.output<S>, deps: DirectoryDeps) => Promise<R>;

/**
 * The Lambda handler of a directory action: the shared middleware stack around `run`, with the
 * Directory built from the runtime configuration (cached across invocations).
 */
export function directoryActionHandler<S extends ZodType, R>(
  name: string,
  inputSchema: S,
  run: DirectoryActionCore<S, R>,
): ActionHandler<R> {
  return createActionHandler({
    name,
    inputSchema,
    resolveDeps: async (logger): Promise<DirectoryDeps> => ({ directory: await resolveDirectory(), logger }),
    run,
  });
}
