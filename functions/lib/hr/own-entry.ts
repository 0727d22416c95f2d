/**
 * `record[key]` when the record itself has that key, never what every object inherits: for keys
 * that come from outside (an event type, a location, a field name), where `record['constructor']`
 * would otherwise be a function.
 */
export function ownEntry<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
