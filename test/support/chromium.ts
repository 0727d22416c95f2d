import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** What the browser tests do on this machine: run with a Chromium, be skipped, or fail (CI must run them). */
export type BrowserTestPlan =
  | { action: 'run'; executablePath: string }
  | { action: 'skip' | 'fail'; message: string };

const NAMES = ['chromium', 'chromium-browser'];
const HOW_TO_ENABLE = "install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH to a Chromium binary";

/**
 * Finds a usable Chromium: `CHROMIUM_PATH` when set (and then only it), else `chromium` or
 * `chromium-browser` on `PATH`. Usable means a regular file this process may execute. Without one
 * the browser tests are skipped on a developer's machine and fail under `CI=true`, where a missing
 * browser is a broken set-up rather than a choice.
 */
export function browserTestPlan(env: NodeJS.ProcessEnv = process.env): BrowserTestPlan {
  const explicit = env.CHROMIUM_PATH?.trim();
  const candidates = explicit ? [explicit] : (env.PATH ?? '').split(delimiter).filter(isAbsolute).flatMap((dir) => NAMES.map((name) => join(dir, name)));
  const problems: string[] = [];
  for (const candidate of candidates) {
    const problem = unusable(candidate);
    if (!problem) return { action: 'run', executablePath: candidate };
    if (explicit || problem !== 'missing') problems.push(`${candidate}: ${problem}`);
  }
  const found = problems.length > 0 ? problems.join('; ') : explicit ? `${explicit}: missing` : 'no chromium on PATH';
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return ci
    ? { action: 'fail', message: `Browser tests need Chromium and CI is set (${found}): ${HOW_TO_ENABLE}.` }
    : { action: 'skip', message: `Browser tests skipped: no usable Chromium (${found}). To run them, ${HOW_TO_ENABLE}.` };
}

function unusable(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'not a file';
  } catch {
    return 'missing';
  }
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return 'not executable';
  }
}
