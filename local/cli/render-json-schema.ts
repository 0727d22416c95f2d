/**
 * A readable rendering of a workflow's input JSON Schema for `--help`: one line per field with
 * its type, whether it is required, and its description; alternatives (`anyOf`/`oneOf`) listed.
 */
type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
};

export function renderJsonSchema(schema: Schema, indent = '    '): string[] {
  const lines: string[] = [];
  if (schema.description) lines.push(`${indent}${schema.description}`);
  const variants = schema.anyOf ?? schema.oneOf;
  const fields = collectFields(schema);
  for (const [name, field] of Object.entries(fields.properties)) {
    const required = fields.required.has(name) ? 'required' : 'optional';
    const detail = [typeOf(field), required, field.default !== undefined ? `default ${JSON.stringify(field.default)}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`${indent}${name.padEnd(16)} ${detail}${field.description ? `: ${field.description}` : ''}`);
  }
  if (variants) {
    const alternatives = variants.map((variant) => (variant.required ?? Object.keys(variant.properties ?? {})).join(' + ') || typeOf(variant));
    lines.push(`${indent}give one of: ${alternatives.join(' | ')}`);
  }
  return lines;
}

/** Merges properties from the schema and its variants, so `{accountId} | {email}` shows both fields. */
function collectFields(schema: Schema): { properties: Record<string, Schema>; required: Set<string> } {
  const properties: Record<string, Schema> = { ...(schema.properties ?? {}) };
  const required = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) {
    Object.assign(properties, part.properties ?? {});
    for (const name of part.required ?? []) required.add(name);
  }
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const [name, field] of Object.entries(variant.properties ?? {})) properties[name] ??= field;
  }
  return { properties, required };
}

function typeOf(field: Schema): string {
  if (field.enum) return field.enum.map((value) => JSON.stringify(value)).join('|');
  if (field.const !== undefined) return JSON.stringify(field.const);
  const variants = field.anyOf ?? field.oneOf;
  if (variants) return variants.map(typeOf).join(' | ');
  const base = Array.isArray(field.type) ? field.type.join('|') : (field.type ?? 'any');
  if (base === 'array' && field.items) return `${typeOf(field.items)}[]`;
  return field.format ? `${base} (${field.format})` : base;
}
