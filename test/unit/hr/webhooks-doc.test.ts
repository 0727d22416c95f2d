import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { StandardHrEventSchema } from '../../../functions/lib/hr/standard-hr-event.js';
import { verifyStandardSignature } from '../../../functions/lib/hr/standard-signature.js';
import { DEFAULT_WEBHOOK_SECRETS } from '../../../local/hr-simulator/index.js';
import { STANDARD_EVENT_SCHEMA_PATH, standardEventSchemaText } from '../../../workflows/definitions/workflow-artifacts.js';

/** docs/webhooks.md stays true: its JSON Schema is the generated one, and its example verifies and validates. */

const root = new URL('../../../', import.meta.url).pathname;
const doc = readFileSync(`${root}docs/webhooks.md`, 'utf8');

describe('docs/webhooks.md', () => {
  it('shows the JSON Schema of the standard body exactly as generated from the zod schema', () => {
    const published = readFileSync(root + STANDARD_EVENT_SCHEMA_PATH, 'utf8');
    expect(published, 'run: npm run workflows:generate').toBe(standardEventSchemaText());
    expect(doc).toContain(`\`\`\`json\n${published}\`\`\``);
  });

  it('has an example request that verifies with its secret and is valid for zod and for the JSON Schema', () => {
    // Prepare
    const block = /```http\n([\s\S]*?)```/.exec(doc)![1];
    const [head, body] = block.split('\n\n');
    const headers = Object.fromEntries(head.split('\n').slice(1).map((line) => line.split(': ')).map(([name, value]) => [name.toLowerCase(), value]));
    const rawBody = Buffer.from(body.trim());
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);

    // Act
    const signature = verifyStandardSignature({ rawBody, headers, secrets: [DEFAULT_WEBHOOK_SECRETS.standard], nowMs: Number(headers['webhook-timestamp']) * 1000 });
    const parsed = StandardHrEventSchema.safeParse(JSON.parse(body));
    const schemaValid = ajv.validate(JSON.parse(standardEventSchemaText()), JSON.parse(body));

    // Assess
    expect(signature).toEqual({ valid: true });
    expect(parsed.success).toBe(true);
    expect(schemaValid, JSON.stringify(ajv.errors)).toBe(true);
  });
});
