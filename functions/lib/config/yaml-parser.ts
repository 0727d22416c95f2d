import { createRequire } from 'node:module';

/** Parses YAML text (a superset of JSON) into plain values. */
export type YamlParse = (text: string) => unknown;

// A runtime `require` that esbuild does not follow: the Lambda bundles never carry the `yaml`
// package (~115 KiB), because in AWS the config arrives as JSON in `JML_CONFIG`. Locally (engine,
// CLI, CDK synth, tests) the package is installed and loads on first use. Synchronous on purpose:
// `loadJmlConfigFile` is called synchronously by CDK synth and the test harnesses.
const requireAtRuntime = createRequire(import.meta.url);
let cached: YamlParse | null | undefined;

/**
 * The `yaml` package's `parse`, loaded on first call; `undefined` where the package is not
 * installed (a Lambda bundle).
 */
export function loadYamlParser(): YamlParse | undefined {
  if (cached === undefined) {
    try {
      cached = (requireAtRuntime('yaml') as { parse: YamlParse }).parse;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
