import { FLAGS, type FlagSpec } from './flags.js';

const WIDTH = 100;
const INDENT = '      ';

/** `Usage: npm run simulator -- [--port N] ... [--help]`, from the flag table. */
export function usageLine(): string {
  const flags = Object.entries(FLAGS).map(([name, spec]) => `[--${name}${(spec as FlagSpec).value ? ` ${(spec as FlagSpec).value}` : ''}]`);
  return `Usage: npm run simulator -- ${flags.join(' ')}`;
}

/** The full `--help` text: every flag with what it does, its allowed values and its default. */
export function helpText(): string {
  const flags = Object.entries(FLAGS).flatMap(([name, spec]: [string, FlagSpec]) => [
    `  --${name}${spec.value ? ` ${spec.value}` : ''}`,
    ...wrap(spec.does),
    ...wrap(`Allowed: ${spec.allowed}.`),
    ...wrap(`Default: ${spec.default}.`),
  ]);
  return [
    usageLine(),
    '',
    'Starts the Atlassian Admin API simulator on 127.0.0.1 and prints its base URL, org id, directory',
    'id and API key; runs until Ctrl-C. Control endpoint: /__control (GET it for the list).',
    '',
    'Flags:',
    ...flags,
    '',
    'Examples:',
    '  npm run simulator -- --port 4010',
    '  npm run simulator -- --users 100000 --time-scale 60',
    "  npm run simulator -- --faults 'rate5xx=0.1@POST /v2/**;latencyMs=50'",
    '',
    'Reference: local/simulator/README.md. A bad flag exits with code 2.',
  ].join('\n');
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && INDENT.length + line.length + 1 + word.length > WIDTH) {
      lines.push(INDENT + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(INDENT + line);
  return lines;
}
