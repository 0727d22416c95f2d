import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ReportStoreAccess } from '../functions/registry.js';

/** Props of {@link SweepReportBucket}. */
export interface SweepReportBucketProps {
  /** Days a report (with its scan, decisions and snapshots) is kept. @default 400 */
  retentionDays?: number;
}

/** Key prefix of everything the sweep writes; the functions may touch nothing else. */
export const REPORT_PREFIX = 'reports/';

/**
 * Where the inactivity sweep keeps its scan, decisions, snapshots and the CSV / HTML report:
 * personal data (emails, names, activity), so S3-managed encryption, versioning, no public access,
 * TLS only, reports expiring after `retentionDays` (old versions after 30 days), and server access
 * logs to a second bucket (kept 365 days) so every read of a report is on record.
 */
export class SweepReportBucket extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: SweepReportBucketProps = {}) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 400;
    if (!Number.isInteger(retentionDays) || retentionDays < 7) {
      throw new Error(`SweepReportBucket: retentionDays must be a whole number of at least 7 (got ${retentionDays}).`);
    }
    const secure = {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...secure,
      // The S3 log delivery service writes with the bucket policy CDK adds for serverAccessLogsBucket.
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
    this.bucket = new s3.Bucket(this, 'Reports', {
      ...secure,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'reports-bucket/',
      lifecycleRules: [
        {
          id: 'expire-old-reports',
          prefix: REPORT_PREFIX,
          expiration: Duration.days(retentionDays),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'clean-up-delete-markers', expiredObjectDeleteMarker: true },
      ],
    });
  }

  /** Exactly the object actions `access` needs, on the report prefix only (no list, no delete). */
  grant(role: iam.IRole, access: ReportStoreAccess): void {
    const actions = [...(access !== 'write' ? ['s3:GetObject'] : []), ...(access !== 'read' ? ['s3:PutObject'] : [])];
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${REPORT_PREFIX}*`)] }));
  }
}
