import { UsageError } from './read-input.js';

/**
 * `util.parseArgs` errors in the CLI's words. Node's own text for an unknown option ends in a hint
 * with an unbalanced quote (`as in '-- "--bogus"`) about positionals nobody here passes; an
 * unknown option is far more often a typo, so say which options exist and the nearest one.
 */
export function parseArgsUsageError(error: unknown, known: readonly string[], where: string): UsageError | undefined {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /Unknown option '([^']*)'/.exec(message)?.[1] ?? 'given';
    const nearest = nearestOption(option, known);
    const hint = nearest ? `: did you mean --${nearest}?` : known.length <= 12 ? ` (${where} takes ${known.map((name) => `--${name}`).join(', ')})` : '';
    return new UsageError(`unknown option ${option}${hint}`);
  }
  // `Option '--input <value>' argument missing`, `Option '--dry-run' does not take an argument`.
  const option = /Option '(?:-\w, )?(-[^' ]+)/.exec(message)?.[1];
  if (option && /argument missing/.test(message)) return new UsageError(`${option} needs a value, e.g. ${option} <value>`);
  if (option && /does not take an argument/.test(message)) return new UsageError(`${option} is a switch and takes no value: write ${option} alone`);
  return new UsageError(message.replace(/\.$/, ''));
}

/** The known option closest to `given` (`--dryrun` -> `dry-run`), if it is a plausible typo. */
function nearestOption(given: string, known: readonly string[]): string | undefined {
  const name = given.replace(/^-+/, '').split('=')[0].toLowerCase();
  if (name.length < 2) return undefined;
  let best: { option: string; distance: number } | undefined;
  for (const option of known) {
    const distance = editDistance(name.replaceAll('-', ''), option.replaceAll('-', ''));
    if (!best || distance < best.distance) best = { option, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(name.length / 4)) ? best.option : undefined;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
