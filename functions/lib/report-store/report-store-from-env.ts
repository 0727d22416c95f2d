import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import * as z from 'zod';
import { ErrorNames, JmlError } from '../errors.js';
import { FileReportStore } from './file-report-store.js';
import type { ReportStore } from './report-store.js';

/**
 * The report store of a handler's environment: `JML_REPORT_BUCKET` (+ optional
 * `JML_REPORT_PREFIX`, set by infra) selects S3, `JML_REPORT_DIR` (set by the local engine) a
 * folder. The S3 SDK loads only when a bucket is configured, so local runs never import it.
 */
const EnvSchema = z.object({
  JML_REPORT_BUCKET: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' }).optional(),
  JML_REPORT_PREFIX: z.string().trim().regex(/^([A-Za-z0-9._=-]+\/)*$/, { message: 'must be a key prefix ending in "/", e.g. reports/' }).optional(),
  JML_REPORT_DIR: z.string().trim().min(1).optional(),
});

const cache = new Map<string, Promise<ReportStore>>();

export function reportStoreFromEnv(env: HandlerEnvironment = handlerEnvironment()): Promise<ReportStore> {
  const present = Object.fromEntries(['JML_REPORT_BUCKET', 'JML_REPORT_PREFIX', 'JML_REPORT_DIR'].map((name) => [name, env[name]?.trim() ? env[name] : undefined]));
  const key = JSON.stringify(present);
  let store = cache.get(key);
  if (!store) {
    store = build(present);
    cache.set(key, store);
    store.catch(() => cache.delete(key));
  }
  return store;
}

async function build(present: Record<string, string | undefined>): Promise<ReportStore> {
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new JmlError(ErrorNames.Configuration, `The report store settings are not valid: ${problems}. Fix the function's environment.`);
  }
  const { JML_REPORT_BUCKET: bucket, JML_REPORT_PREFIX: prefix, JML_REPORT_DIR: dir } = parsed.data;
  if (bucket) {
    const [{ S3Client }, { S3ReportStore }] = await Promise.all([import('@aws-sdk/client-s3'), import('./s3-report-store.js')]);
    return new S3ReportStore(new S3Client({}), bucket, prefix ?? '');
  }
  if (dir) return new FileReportStore(dir);
  throw new JmlError(
    ErrorNames.Configuration,
    'No report store: set JML_REPORT_BUCKET to the S3 bucket for sweep reports (AWS; infra sets it), or JML_REPORT_DIR to a folder (local runs).',
  );
}
