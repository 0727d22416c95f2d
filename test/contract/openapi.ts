import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Atlassian's published OpenAPI (3.0) documents in ../shared/atlassian-admin-api as a validator of
 * response and request bodies. The newest spec wins; the 2026-07-22 one supplies the deprecated v1
 * operations the newest dropped. OpenAPI 3.0 quirks handled: `nullable` (rewritten to JSON Schema),
 * `discriminator` (dropped: the `oneOf` it annotates still applies), `example` and other
 * annotations (ajv `strict: false`), `$ref`s into `#/components/...` (each document is registered
 * whole under an `$id`, and schemas are compiled as `<id>#<json pointer>`).
 */
export const SPEC_DIR = new URL('../../../shared/atlassian-admin-api/', import.meta.url);
const SPEC_FILES = [
  { id: 'org-api-2026-08-21', file: 'org-api.2026-08-21.json' },
  { id: 'org-api-2026-07-22', file: 'org-api.2026-07-22.json' },
];
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

type Json = Record<string, unknown>;
interface ResponseObject { $ref?: string; content?: Record<string, { schema?: unknown }> }
interface OperationObject {
  deprecated?: boolean;
  responses?: Record<string, ResponseObject>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

/** One documented operation. */
export interface SpecOperation {
  specId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** OpenAPI path template, e.g. `/v1/orgs/{orgId}/policies/{policyId}`. */
  path: string;
  deprecated: boolean;
  /** Documented response statuses (`200`, `404`, `default`...). */
  statuses: string[];
}

export interface ValidationResult {
  valid: boolean;
  /** The spec documents no body for this answer but one was sent (allowed: OpenAPI leaves it undescribed). */
  undocumentedBody?: boolean;
  /** Readable problems (`/data/0/id must be string`), empty when valid. */
  errors: string[];
  specId?: string;
}

export interface OpenApi {
  /** Every operation of every spec, newest spec first. */
  operations: SpecOperation[];
  /** The operation serving `METHOD path` (newest spec first), if any spec documents it. */
  find(method: string, openApiPath: string): SpecOperation | undefined;
  validateResponse(method: string, openApiPath: string, status: number, body: unknown): ValidationResult;
  validateRequestBody(method: string, openApiPath: string, body: unknown): ValidationResult;
}

let cached: OpenApi | undefined;

/** Loads (once) both specs. Throws a clear message when ../shared is missing. */
export function loadOpenApi(): OpenApi {
  cached ??= build();
  return cached;
}

/** Shorthand for `loadOpenApi().validateResponse(...)`. */
export function validateResponse(method: string, openApiPath: string, status: number, body: unknown): ValidationResult {
  return loadOpenApi().validateResponse(method, openApiPath, status, body);
}

/** Shorthand for `loadOpenApi().validateRequestBody(...)`. */
export function validateRequestBody(method: string, openApiPath: string, body: unknown): ValidationResult {
  return loadOpenApi().validateRequestBody(method, openApiPath, body);
}

/**
 * One spec document as published (OpenAPI dialect), e.g. `org-api.2026-07-22.json`. The only
 * place that reads ../shared, so a missing checkout says where the specs are expected.
 */
export function readSpecDocument(file: string, dir: URL = SPEC_DIR): Json {
  const url = new URL(file, dir);
  if (!existsSync(url)) {
    throw new Error(`Atlassian's OpenAPI spec is missing at ${url.pathname}. The contract tests expect the specs at ../shared/atlassian-admin-api/ beside the repository (CI provides it).`);
  }
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

function build(): OpenApi {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  const docs = SPEC_FILES.map(({ id, file }) => {
    const doc = toJsonSchemaDialect(readSpecDocument(file)) as { paths: Record<string, Record<string, OperationObject>> } & Json;
    ajv.addSchema({ ...doc, $id: `https://spec.local/${id}.json` });
    return { id, doc };
  });

  const operations: SpecOperation[] = [];
  for (const { id, doc } of docs) {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        operations.push({ specId: id, method: method.toUpperCase(), path, deprecated: operation.deprecated === true, statuses: Object.keys(operation.responses ?? {}) });
      }
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const compile = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) compiled.set(ref, (validate = ajv.compile({ $ref: ref })));
    return validate;
  };
  const docOf = (specId: string) => docs.find((entry) => entry.id === specId)!.doc;
  const find = (method: string, path: string) => operations.find((op) => op.method === method.toUpperCase() && op.path === path);

  function check(ref: string | undefined, body: unknown, specId: string, bodyRequired: boolean): ValidationResult {
    if (ref === undefined) {
      // No documented content means "not described", not "empty": flag it and let the caller decide.
      return { valid: true, errors: [], specId, ...(body === undefined || body === '' ? {} : { undocumentedBody: true }) };
    }
    if (body === undefined) return bodyRequired ? { valid: false, errors: ['a JSON body was expected'], specId } : { valid: true, errors: [], specId };
    const validate = compile(ref);
    const valid = validate(body) as boolean;
    return { valid, errors: valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`), specId };
  }

  return {
    operations,
    find,
    validateResponse(method, openApiPath, status, body) {
      const op = find(method, openApiPath);
      if (!op) return { valid: false, errors: [`no spec documents ${method} ${openApiPath}`] };
      const doc = docOf(op.specId);
      const responses = doc.paths[openApiPath][method.toLowerCase()].responses ?? {};
      const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
      if (!key) return { valid: false, errors: [`status ${status} is not documented for ${method} ${openApiPath} (documented: ${op.statuses.join(', ')})`], specId: op.specId };
      let pointer = `#/paths/${escape(openApiPath)}/${method.toLowerCase()}/responses/${key}`;
      let response = responses[key];
      if (response.$ref) {
        pointer = response.$ref;
        response = resolvePointer(doc, response.$ref) as ResponseObject;
      }
      const media = response.content?.['application/json'] ? 'application/json' : Object.keys(response.content ?? {})[0];
      const ref = media ? `https://spec.local/${op.specId}.json${pointer}/content/${escape(media)}/schema` : undefined;
      // HTTP forbids a body on 204, whatever the spec's content says (DELETE policy resource).
      if (status === 204) {
        return body === undefined ? { valid: true, errors: [], specId: op.specId } : { valid: false, errors: ['a 204 answer must not have a body'], specId: op.specId };
      }
      return check(ref, body, op.specId, true);
    },
    validateRequestBody(method, openApiPath, body) {
      const op = find(method, openApiPath);
      if (!op) return { valid: false, errors: [`no spec documents ${method} ${openApiPath}`] };
      const requestBody = docOf(op.specId).paths[openApiPath][method.toLowerCase()].requestBody;
      const media = requestBody?.content?.['application/json'] ? 'application/json' : undefined;
      const ref = media ? `https://spec.local/${op.specId}.json#/paths/${escape(openApiPath)}/${method.toLowerCase()}/requestBody/content/${escape(media)}/schema` : undefined;
      return check(ref, body, op.specId, (requestBody as { required?: boolean } | undefined)?.required === true);
    },
  };
}

/** JSON-pointer escaping of one path segment. */
function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolvePointer(doc: unknown, ref: string): unknown {
  return ref.replace(/^#\//, '').split('/').reduce<unknown>(
    (node, part) => (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')],
    doc,
  );
}

/** Rewrites OpenAPI 3.0 schema keywords JSON Schema does not know (`nullable`, `discriminator`, `$ref` siblings). */
function toJsonSchemaDialect(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchemaDialect);
  if (!node || typeof node !== 'object') return node;
  // OpenAPI 3.0 ignores siblings of `$ref` (the spec has `{ $ref, type: "GroupCounts" }`).
  if (typeof (node as Json).$ref === 'string') return { $ref: (node as Json).$ref };
  const { nullable, discriminator: _discriminator, ...rest } = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) out[key] = key === 'example' || key === 'examples' ? value : toJsonSchemaDialect(value);
  if (nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}
