import { MAX_PAYLOAD_BYTES } from '../history/execution-data.js';
import { SfnError } from './sfn-error.js';

/**
 * AWS's execution name rules: 1-80 characters; no whitespace, brackets `< > { } [ ]`, wildcards
 * `? *`, special characters `" # % \ ^ | ~ ` $ & , ; : /`, control characters (U+0000-001F,
 * U+007F-009F), surrogates or U+FFFE/U+FFFF.
 */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udfff]/u;

/** @throws SfnError InvalidName saying which rule the name breaks. */
export function checkExecutionName(name: string): void {
  const length = [...name].length;
  if (length < 1 || length > 80) {
    throw new SfnError('InvalidName', `Invalid Name: '${name}' (an execution name has 1 to 80 characters, not ${length})`);
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    const shown = /[\s\u0000-\u001f\u007f-\u009f]/u.test(bad[0]) ? `U+${bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}` : bad[0];
    throw new SfnError('InvalidName', `Invalid Name: '${name}' (it contains ${shown}; use letters, digits, - and _)`);
  }
}

/** @throws SfnError InvalidExecutionInput for text that is not JSON or is larger than 256 KB. */
export function checkExecutionInput(input: string): void {
  const bytes = Buffer.byteLength(input, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new SfnError('InvalidExecutionInput', `Invalid State Machine Execution Input: the input is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES} (256 KB) are accepted`);
  }
  try {
    JSON.parse(input);
  } catch (error) {
    throw new SfnError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(error as Error).message}' (the input must be JSON text, e.g. "{}")`);
  }
}
