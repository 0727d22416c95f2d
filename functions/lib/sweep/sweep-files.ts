/** The files of one sweep run in the report store, under the run's `reportPrefix`. */
export const sweepFiles = {
  access: (prefix: string) => `${prefix}access.json`,
  grants: (prefix: string) => `${prefix}grants.json`,
  scanPart: (prefix: string, part: number) => `${prefix}scan/part-${String(part).padStart(5, '0')}.json`,
  decisions: (prefix: string) => `${prefix}decisions.json`,
  candidates: (prefix: string) => `${prefix}candidates.json`,
  confirmations: (prefix: string) => `${prefix}confirmations.json`,
  snapshot: (prefix: string, accountId: string) => `${prefix}snapshots/${accountId.replace(/[^A-Za-z0-9._=-]/g, '_')}.json`,
  csv: (prefix: string) => `${prefix}report.csv`,
  html: (prefix: string) => `${prefix}report.html`,
};

export const JSON_TYPE = 'application/json';
