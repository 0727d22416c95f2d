/**
 * `npm run demo [-- --verbose]`: the joiner / mover / leaver story against a fresh simulator
 * (see local/demo/run-demo.ts). Exit code 0 only when every step ended as expected.
 */
import './engine/process-defaults.js';
import { parseArgs } from 'node:util';
import { runDemo } from './demo/run-demo.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v' } }, strict: true });
process.exitCode = await runDemo({ out: process.stdout, verbose: values.verbose });
