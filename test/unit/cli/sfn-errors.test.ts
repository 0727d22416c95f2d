import { describe, expect, it } from 'vitest';
import { explainCallError, SfnCallError } from '../../../local/cli/sfn-errors.js';

const LOCAL = { kind: 'local', endpoint: 'http://127.0.0.1:8083' } as const;
const AWS = { kind: 'aws', stack: 'AtlassianJml', region: 'eu-west-1' } as const;

const explain = (error: unknown, target: typeof LOCAL | typeof AWS = AWS) => explainCallError(new SfnCallError('ListExecutions', error), target);

describe('explainCallError', () => {
  it('names the missing local runtime also when the refusal is wrapped (localhost: one error per address)', () => {
    // Prepare
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8083'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused, Object.assign(new Error('connect ECONNREFUSED ::1:8083'), { code: 'ECONNREFUSED' })], '');

    // Act / Assess
    expect(explain(aggregate, LOCAL)).toBe('no local runtime at http://127.0.0.1:8083: start it with `npm start`, or pass --endpoint / --aws (ECONNREFUSED)');
    expect(explain(new Error('fetch failed', { cause: refused }), LOCAL)).toMatch(/^no local runtime at/);
    expect(explain(Object.assign(new Error('getaddrinfo ENOTFOUND states.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND' }))).toBe(
      'cannot reach AWS Step Functions in eu-west-1 (ENOTFOUND): check the network, --region and any proxy settings',
    );
  });

  it('says how to give credentials and a region, without repeating anything secret', () => {
    // Act / Assess
    expect(explain(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))).toMatch(
      /^no AWS credentials found: jml --aws uses the AWS SDK's default chain \(AWS_PROFILE, aws sso login/,
    );
    expect(explain(new Error('Region is missing'))).toBe('no AWS region: pass --region (e.g. --region eu-west-1) or set AWS_REGION');
    expect(explain(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' }))).toMatch(
      /^AWS refused ListExecutions \(ExpiredTokenException\)/,
    );
  });

  it('passes throttling and other service errors on with the operation', () => {
    // Act / Assess
    expect(explain(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))).toBe('ListExecutions was throttled (ThrottlingException): wait a moment and try again');
    expect(explain(Object.assign(new Error('Invalid Arn'), { name: 'InvalidArn', $metadata: { httpStatusCode: 400 } }))).toBe('ListExecutions failed: InvalidArn: Invalid Arn');
  });
});
