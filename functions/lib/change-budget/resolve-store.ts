import { BoundedCache } from '../bounded-cache.js';
import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import type { ChangeBudgetStore } from './change-budget-store.js';
import { DynamoDbChangeBudgetStore } from './dynamodb-store.js';
import { InMemoryChangeBudgetStore } from './memory-store.js';
import { SqliteChangeBudgetStore } from './sqlite-store.js';

/**
 * Which store counts the change budget, from the handler environment: `JML_CHANGE_BUDGET_TABLE`
 * (a DynamoDB table: AWS), else `JML_CHANGE_BUDGET_DB` (a SQLite file: the local runtime), else
 * this process's memory (a one-shot `jml run`, tests). One store per table or file and process, so
 * every execution of the process shares it.
 */
const stores = new BoundedCache<string, ChangeBudgetStore>(8);
const memory = new InMemoryChangeBudgetStore();

export function changeBudgetStoreFor(env: HandlerEnvironment = handlerEnvironment()): ChangeBudgetStore {
  const table = env.JML_CHANGE_BUDGET_TABLE?.trim();
  const file = env.JML_CHANGE_BUDGET_DB?.trim();
  if (!table && !file) return memory;
  const key = table ? `table:${table}` : `file:${file}`;
  let store = stores.get(key);
  if (!store) {
    store = table ? new DynamoDbChangeBudgetStore(table) : new SqliteChangeBudgetStore(file as string);
    stores.set(key, store);
  }
  return store;
}

/** Forgets the in-memory budget and closes nothing (tests that count from zero). */
export function clearInMemoryChangeBudget(): void {
  memory.clear();
}
