/**
 * How every Lambda function is bundled (esbuild via NodejsFunction), as plain esbuild settings so
 * `bench/handler-bundle.ts` measures exactly what infra deploys. No CDK import: the bench loads it.
 */

/** Node.js major version of the functions' runtime (`lambda.Runtime.NODEJS_24_X` in action-function.ts). */
export const LAMBDA_NODE_MAJOR = 24;

/** CommonJS dependencies inside an ESM bundle still call require() for Node built-ins. */
export const REQUIRE_BANNER =
  "import { createRequire as __jmlCreateRequire } from 'node:module'; const require = __jmlCreateRequire(import.meta.url);";

export const FUNCTION_BUNDLING = {
  format: 'esm',
  target: `node${LAMBDA_NODE_MAJOR}`,
  minify: true,
  // ESM builds of dependencies first (the AWS SDK's are smaller than its CommonJS ones).
  mainFields: ['module', 'main'],
  banner: REQUIRE_BANNER,
} as const;
