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

export function renderJsonSchema(jsonSchema: object, indent = '    '): string[] {
  const schema = jsonSchema as Schema;
  const lines: string[] = [];
  if (schema.description) lines.push(...wrapText(`${indent}${schema.description}`, indent.length));
  const variants = schema.anyOf ?? schema.oneOf;
  const fields = collectFields(schema);
  for (const [name, field] of Object.entries(fields.properties)) {
    const required = fields.required.has(name) ? 'required' : 'optional';
    const detail = [typeOf(field), required, field.default !== undefined ? `default ${JSON.stringify(field.default)}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(...wrapText(`${indent}${name.padEnd(16)} ${detail}${field.description ? `: ${field.description}` : ''}`, indent.length + 17));
  }
  if (variants) {
    const alternatives = variants.map((variant) => (variant.required ?? Object.keys(variant.properties ?? {})).join(' + ') || typeOf(variant));
    lines.push(`${indent}give ${schema.oneOf ? 'exactly ' : ''}one of: ${alternatives.join(' | ')}`);
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

/**
 * Wraps at `width` columns. The first `hang` characters (indent, field name) stay as they are;
 * continuation lines are indented by `hang` spaces.
 */
export function wrapText(line: string, hang: number, width = 100): string[] {
  const out: string[] = [];
  let current = line.slice(0, hang);
  for (const word of line.slice(hang).split(' ')) {
    if (current.length + word.length > width && current.trim().length > 0) {
      out.push(current.trimEnd());
      current = ' '.repeat(hang);
    }
    current += `${word} `;
  }
  out.push(current.trimEnd());
  return out;
}
