import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a handler reads its configuration (docs/contracts.md, "Runtime configuration"). In Lambda
 * that is `process.env`: one function, one configuration. The local engine runs many executions in
 * one process, each against its own org and with its own JML config, so it runs every Task
 * invocation inside a scope that carries that execution's variables; everything that reads handler
 * configuration asks {@link handlerEnvironment} instead of `process.env`, and executions started
 * together cannot see each other's settings.
 */

/** Environment variables as a handler reads them. */
export type HandlerEnvironment = Readonly<Record<string, string | undefined>>;

const scope = new AsyncLocalStorage<HandlerEnvironment>();

/**
 * Runs `fn` (and everything it awaits) with `environment` as the handler environment. The object
 * is used as given, never merged with `process.env`: pass every variable the handlers need.
 */
export function runWithHandlerEnvironment<T>(environment: HandlerEnvironment, fn: () => T): T {
  return scope.run(environment, fn);
}

/** The current scope's variables, or `process.env` outside any scope (Lambda, one-off scripts). */
export function handlerEnvironment(): HandlerEnvironment {
  return scope.getStore() ?? process.env;
}
