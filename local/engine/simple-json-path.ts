/**
 * Reads a reference path (`$`, `$.request.graceSeconds`): the only form the project's Wait states
 * use. Anything richer is refused loudly rather than misread.
 */
export function readReferencePath(document: unknown, path: string, where: string): unknown {
  if (path === '$') return document;
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_-]*)+$/.test(path)) {
    throw new Error(`${where}: the local engine reads only dot paths such as $.request.graceSeconds, not ${JSON.stringify(path)}`);
  }
  let value: unknown = document;
  for (const key of path.slice(2).split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      throw new Error(`${where}: ${path} does not exist in the state's input`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
