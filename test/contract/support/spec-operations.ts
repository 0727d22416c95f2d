import { loadOpenApi, readSpecDocument, type SpecOperation, type ValidationResult } from '../openapi.js';

/**
 * Maps a concrete request (`POST /v2/orgs/abc/directories/d/users/search`) to the documented
 * operation of Atlassian's OpenAPI, using the shared spec loader in `../openapi.ts`, and adds what
 * it does not offer: the documented query parameter names of each operation.
 */
export interface MatchedOperation extends SpecOperation {
  queryParameters: Set<string>;
  validateBody(body: unknown): ValidationResult;
}

type RawParameter = { $ref?: string; name?: string; in?: string };
type RawDoc = {
  paths: Record<string, Record<string, { parameters?: RawParameter[] }>>;
  components: { parameters: Record<string, RawParameter> };
};

export function loadSpecOperations(): { find(method: string, path: string): MatchedOperation | undefined } {
  const openApi = loadOpenApi();
  const docs = new Map<string, RawDoc>(
    openApi.operations.map((op) => op.specId).filter((id, i, all) => all.indexOf(id) === i)
      .map((id) => [id, readSpecDocument(`${id.replace('org-api-', 'org-api.')}.json`) as unknown as RawDoc]),
  );
  const candidates = openApi.operations
    .filter((op) => !op.path.endsWith("'")) // a stray quote in one 2026-07-22 path; the newest spec has it right
    .map((op) => ({
      op,
      regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      // Prefer the most literal template: `/users/search` over `/users/{userId}`.
      literal: op.path.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    .sort((a, b) => b.literal - a.literal);

  const queryParameters = (op: SpecOperation) => {
    const doc = docs.get(op.specId)!;
    const params = doc.paths[op.path][op.method.toLowerCase()].parameters ?? [];
    return new Set(
      params
        .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()!] : p))
        .filter((p) => p?.in === 'query')
        .map((p) => p.name!),
    );
  };

  return {
    find(method, path) {
      const hit = candidates.find((c) => c.op.method === method && c.regex.test(path));
      if (!hit) return undefined;
      const op = hit.op;
      return { ...op, queryParameters: queryParameters(op), validateBody: (body) => openApi.validateRequestBody(op.method, op.path, body) };
    },
  };
}
