import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_REGION } from './arns.js';
import { SfnError } from './sfn-error.js';

/** `Credential=<key id>/<yyyymmdd>/<region>/<service>/aws4_request` in a SigV4 `Authorization` header. */
const CREDENTIAL_SCOPE = /\bCredential=[^/,\s]*\/\d{8}\/([^/,\s]*)\/[^/,\s]+\/aws4_request\b/;
/** What AWS region names look like (`us-east-1`, `eu-central-2`), and `local` as a client may be set up with. */
const REGION = /^[a-z]{1,12}(-[a-z0-9]{1,16}){0,4}$/;

/**
 * The region the client signed its request for (the credential scope of its SigV4 signature), so the
 * ARNs in the answer are those the client expects (`@aws-sdk/client-sfn` and the AWS CLI sign for their
 * configured region). The signature itself is not checked. An unsigned request gets `us-east-1`.
 * @throws SfnError InvalidSignatureException for a credential scope whose region is no region name.
 */
export function requestRegion(headers: IncomingHttpHeaders): string {
  const authorization = headers.authorization;
  if (typeof authorization !== 'string' || !authorization.startsWith('AWS4-HMAC-SHA256')) return DEFAULT_REGION;
  const region = CREDENTIAL_SCOPE.exec(authorization)?.[1];
  if (region === undefined) return DEFAULT_REGION; // no credential scope to read: as unsigned
  if (!REGION.test(region)) {
    throw new SfnError('InvalidSignatureException', `Credential should be scoped to a valid region, not ${JSON.stringify(region.slice(0, 40))}.`);
  }
  return region;
}
