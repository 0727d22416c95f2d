/**
 * Imported first by benchmarks that load handlers in-process: Powertools reads its settings when its
 * modules load, and a benchmark's stdout is for its figures, not for thousands of JSON log lines.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
export {};
