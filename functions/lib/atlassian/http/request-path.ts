/**
 * Builds an API path with every interpolated value URI-encoded, so an id can never inject a
 * path segment or query: apiPath`/v1/orgs/${orgId}/users` .
 */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((path, part, index) => {
    if (index === 0) return part;
    const value = String(values[index - 1]);
    if (value === '') throw new RangeError(`A path parameter before "${part}" is empty; every id in an Atlassian API path is required.`);
    return path + encodeURIComponent(value) + part;
  }, '');
}

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;
export type QueryParams = Record<string, QueryValue>;

/** Serialises query parameters; arrays repeat the key (`action=a&action=b`), empty values are dropped. */
export function toSearchParams(query: QueryParams | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params;
}
