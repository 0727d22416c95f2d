import { ModelError, type ModelErrorKind } from '../model/model-error.js';
import { modelErrorToWire, type ErrorStyle } from '../http/model-errors.js';
import type { SimResponse } from '../http/route.js';

export function json(status: number, body: unknown): SimResponse {
  return { status, body };
}

export function noContent(status = 204): SimResponse {
  return { status };
}

/**
 * Runs a rule and renders its `ModelError` with endpoint-specific statuses/codes, for the few
 * endpoints whose spec differs from the family default (e.g. v1 create-group answers a taken
 * name with 400, v2 with 409).
 */
export function withOverrides<T>(
  style: ErrorStyle,
  overrides: Partial<Record<ModelErrorKind, { status?: number; code?: string; title?: string }>>,
  run: () => T,
): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ModelError) throw modelErrorToWire(error, style, overrides);
    throw error;
  }
}

/** Reads a repeatable query parameter given as `a=1&a=2` or `a=1,2`. */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length ? values : undefined;
}
