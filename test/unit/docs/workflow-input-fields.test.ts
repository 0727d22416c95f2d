import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** docs/workflows.md's "Inputs at a glance" names every input field of each workflow, as its published schema has them. */
const readme = readFileSync(new URL('../../../docs/workflows.md', import.meta.url), 'utf8');

function readmeFields(title: string): string[] {
  const line = readme.split('\n').find((text) => text.startsWith(`- **${title}** \``));
  if (!line) throw new Error(`docs/workflows.md has no "- **${title}** \`{ ... }\`" line in its "Inputs at a glance" section`);
  const fields = /`\{([^}]*)\}`/.exec(line)?.[1] ?? '';
  return fields.split(/[,|]/).map((field) => field.trim().replace(/\?$/, '')).filter(Boolean).sort();
}

function schemaFields(workflow: string): string[] {
  const schema = JSON.parse(readFileSync(new URL(`../../../workflows/schemas/${workflow}.input.schema.json`, import.meta.url), 'utf8')) as { properties: object };
  return Object.keys(schema.properties).sort();
}

describe('docs/workflows.md workflow inputs', () => {
  it.each([['Leaver', 'leaver'], ['Joiner', 'joiner'], ['Mover', 'mover']])('%s lists every field of the %s input schema', (title, workflow) => {
    expect(readmeFields(title)).toEqual(schemaFields(workflow));
  });
});
