import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** README's "Workflows" list names every input field of each workflow, as its published schema has them. */
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function readmeFields(title: string): string[] {
  const line = readme.split('\n').find((text) => text.startsWith(`- **${title}** \``));
  if (!line) throw new Error(`README.md has no "- **${title}** \`{ ... }\`" line in its Workflows section`);
  const fields = /`\{([^}]*)\}`/.exec(line)?.[1] ?? '';
  return fields.split(/[,|]/).map((field) => field.trim().replace(/\?$/, '')).filter(Boolean).sort();
}

function schemaFields(workflow: string): string[] {
  const schema = JSON.parse(readFileSync(new URL(`../../../workflows/schemas/${workflow}.input.schema.json`, import.meta.url), 'utf8')) as { properties: object };
  return Object.keys(schema.properties).sort();
}

describe('README workflow inputs', () => {
  it.each([['Leaver', 'leaver'], ['Joiner', 'joiner'], ['Mover', 'mover']])('%s lists every field of the %s input schema', (title, workflow) => {
    expect(readmeFields(title)).toEqual(schemaFields(workflow));
  });
});
