import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { FileReportStore } from '../../../functions/lib/report-store/file-report-store.js';
import { reportStoreFromEnv } from '../../../functions/lib/report-store/report-store-from-env.js';
import { S3ReportStore } from '../../../functions/lib/report-store/s3-report-store.js';
import { csvField, renderDecisionsCsv } from '../../../functions/lib/sweep/report/report-csv.js';
import { renderReportHtml } from '../../../functions/lib/sweep/report/report-html.js';
import type { AccountDecision } from '../../../functions/lib/sweep/sweep-types.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const decision = (overrides: Partial<AccountDecision>): AccountDecision => ({
  accountId: 'a1', email: 'pat@example.com', name: 'Pat', decision: 'keep', reason: 'last active 3 day(s) ago: no rule matches', daysInactive: 3, products: [], ...overrides,
});

describe('report CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });

  it('has one row per account and one last-active column per product (never = held but unused)', () => {
    // Act
    const csv = renderDecisionsCsv([
      decision({ products: [{ siteId: 's1', productKey: 'jira-software', lastActive: '2026-08-01T10:00:00Z', daysInactive: 31 }, { siteId: 's2', productKey: 'confluence', daysInactive: 400 }], decision: 'reclaim', rule: 'r1' }),
      decision({ accountId: 'a2', email: 'sam@example.com', name: 'Sam, Jr.' }),
    ]);

    // Assess
    const [header, first, second] = csv.trimEnd().split('\r\n');
    expect(header).toBe('accountId,email,name,lastActive:confluence,lastActive:jira-software,daysInactive,rule,decision,exclusion,reason,outcome,outcomeDetail');
    expect(first).toMatch(/^a1,pat@example\.com,Pat,never,2026-08-01T10:00:00Z,3,r1,reclaim,,/);
    expect(second).toMatch(/^a2,sam@example\.com,"Sam, Jr\.",,,3,,keep,/);
  });
});

describe('report HTML', () => {
  it('escapes names and holds no script, no external reference', () => {
    // Act
    const html = renderReportHtml([decision({ name: '<img src=x onerror=alert(1)>', decision: 'suspend', rule: 'r' })], {
      executionName: 'run-1', startedAt: '2026-09-01T06:00:00Z', dryRun: true, stage: 'plan', csvName: 'report.csv',
    });

    // Assess
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain("default-src 'none'");
  });
});

describe('report stores', () => {
  it('a folder: writes, reads back, gives the file path, refuses keys outside it', async () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'jml-store-'));
    dirs.push(root);
    const store = new FileReportStore(root);

    // Act
    await store.put('sweep/run-1/report.csv', 'a,b\r\n', 'text/csv');

    // Assess
    expect(await store.get('sweep/run-1/report.csv')).toBe('a,b\r\n');
    expect(store.locationOf('sweep/run-1/report.csv')).toBe(join(root, 'sweep', 'run-1', 'report.csv'));
    await expect(store.get('sweep/none.json')).rejects.toThrow(/has no sweep\/none\.json/);
    expect(() => store.locationOf('../etc/passwd')).toThrow(/Invalid report key/);
  });

  it('S3: puts under the prefix with the content type, reads back, names s3://bucket/key', async () => {
    // Prepare
    const s3 = mockClient(S3Client);
    s3.on(GetObjectCommand, { Key: 'reports/sweep/run-1/decisions.json' }).resolves({ Body: { transformToString: async () => '[]' } as never });
    s3.on(GetObjectCommand, { Key: 'reports/sweep/run-1/missing.json' }).rejects(new NoSuchKey({ message: 'no', $metadata: {} }));
    const store = new S3ReportStore(new S3Client({ region: 'eu-west-1' }), 'jml-reports', 'reports/');

    // Act
    await store.put('sweep/run-1/report.html', '<!doctype html>', 'text/html; charset=utf-8');

    // Assess
    expect(s3.commandCalls(PutObjectCommand)[0].args[0].input).toEqual({ Bucket: 'jml-reports', Key: 'reports/sweep/run-1/report.html', Body: '<!doctype html>', ContentType: 'text/html; charset=utf-8' });
    expect(await store.get('sweep/run-1/decisions.json')).toBe('[]');
    await expect(store.get('sweep/run-1/missing.json')).rejects.toMatchObject({ name: 'Jml.Configuration' });
    expect(store.locationOf('sweep/run-1/report.html')).toBe('s3://jml-reports/reports/sweep/run-1/report.html');
    s3.restore();
  });

  it('is chosen by the environment: the bucket wins, a folder locally, neither is a configuration error', async () => {
    expect(await reportStoreFromEnv({ JML_REPORT_BUCKET: 'jml-reports', JML_REPORT_PREFIX: 'reports/', AWS_REGION: 'eu-west-1' })).toBeInstanceOf(S3ReportStore);
    expect(await reportStoreFromEnv({ JML_REPORT_DIR: '/tmp/jml-x' })).toBeInstanceOf(FileReportStore);
    await expect(reportStoreFromEnv({})).rejects.toThrow(/set JML_REPORT_BUCKET .* or JML_REPORT_DIR/);
    await expect(reportStoreFromEnv({ JML_REPORT_BUCKET: 'Bad_Bucket' })).rejects.toThrow(/JML_REPORT_BUCKET: must be an S3 bucket name/);
  });
});
