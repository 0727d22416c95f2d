import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ErrorNames, JmlError } from '../errors.js';
import { assertSafeKey, type ReportStore } from './report-store.js';

/** An S3 bucket (and key prefix) as the report store (AWS, `JML_REPORT_BUCKET`). */
export class S3ReportStore implements ReportStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /** e.g. `reports/`: the prefix the function's role may write under. */
    private readonly prefix = '',
  ) {}

  async put(key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<string> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      if (!result.Body) throw new NoSuchKey({ message: 'empty body', $metadata: {} });
      return await result.Body.transformToString('utf8');
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') {
        throw new JmlError(ErrorNames.Configuration, `The report bucket ${this.bucket} has no ${this.keyOf(key)}: the step that writes it did not run, or its lifecycle rule expired it.`);
      }
      throw error;
    }
  }

  locationOf(key: string): string {
    return `s3://${this.bucket}/${this.keyOf(key)}`;
  }

  private keyOf(key: string): string {
    assertSafeKey(key);
    return `${this.prefix}${key}`;
  }
}
