import type { ZodType, core } from 'zod';
import { ErrorNames, JmlError } from '../errors.js';
import type { ReportStore } from '../report-store/report-store.js';

/** Reads a JSON file of the report store and validates it: what one step wrote, the next one checks. */
export async function readJson<S extends ZodType>(store: ReportStore, key: string, schema: S): Promise<core.output<S>> {
  const text = await store.get(key);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JmlError(ErrorNames.Configuration, `${store.locationOf(key)} is not valid JSON (${(error as Error).message}): it was changed outside the sweep; run the sweep again.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new JmlError(ErrorNames.Configuration, `${store.locationOf(key)} does not have the expected shape (${first?.path.join('.')}: ${first?.message}): run the sweep again.`);
  }
  return parsed.data;
}
