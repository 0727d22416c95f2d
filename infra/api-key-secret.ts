import { Stack } from 'aws-cdk-lib';
import { acknowledgeNag } from './nag-acknowledgement.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Props of {@link ApiKeySecret}. */
export interface ApiKeySecretProps {
  /**
   * Name or ARN of an existing secret that holds the org API key.
   * @default - a new, empty secret the user fills in after the first deploy
   */
  existing?: string;
  /** ARN of the customer managed KMS key of an existing secret. @default - the secret uses aws/secretsmanager */
  kmsKeyArn?: string;
}

/** A complete secret ARN ends with the 6-character suffix Secrets Manager appends to the name. */
const COMPLETE_SECRET_ARN = /^arn:[^:]+:secretsmanager:[^:]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/;

/**
 * The Secrets Manager secret holding the Atlassian org API key: created empty for the user to fill
 * in (`{"apiKey": ""}`, so a function that runs before that fails with "Secret ... is empty"), or
 * an existing one referenced by name or ARN.
 */
export class ApiKeySecret extends Construct {
  /** The secret. */
  public readonly secret: secretsmanager.ISecret;
  /** The value handlers get as `ATLASSIAN_API_KEY_SECRET_ID`: the ARN, or the name as given. */
  public readonly secretId: string;
  /** Whether this stack created (and owns) the secret. */
  public readonly created: boolean;
  private readonly kmsKeyArn?: string;

  constructor(scope: Construct, id: string, props: ApiKeySecretProps = {}) {
    super(scope, id);
    this.kmsKeyArn = props.kmsKeyArn;
    this.created = props.existing === undefined;
    if (props.existing === undefined) {
      this.secret = new secretsmanager.Secret(this, 'Secret', {
        description: `Atlassian organization API key for ${Stack.of(this).stackName}. Put the key here as {"apiKey":"<key>"} or as plain text.`,
        // The generated field only exists because Secrets Manager must generate something; the
        // empty apiKey makes the handlers report a clear "secret is empty" until the key is put.
        generateSecretString: { secretStringTemplate: JSON.stringify({ apiKey: '' }), generateStringKey: 'placeholder' },
      });
      this.secretId = this.secret.secretArn;
    } else if (props.existing.startsWith('arn:')) {
      this.secret = COMPLETE_SECRET_ARN.test(props.existing)
        ? secretsmanager.Secret.fromSecretCompleteArn(this, 'Secret', props.existing)
        : secretsmanager.Secret.fromSecretPartialArn(this, 'Secret', props.existing);
      this.secretId = props.existing;
    } else {
      this.secret = secretsmanager.Secret.fromSecretNameV2(this, 'Secret', props.existing);
      this.secretId = props.existing;
    }
      if (this.created) {
      acknowledgeNag(this.secret, {
        id: 'AwsSolutions-SMG4',
        reason:
          'The secret holds an Atlassian organization API key, which only an org admin can create or revoke in ' +
          'admin.atlassian.com (there is no API to rotate it). Rotate by creating a new key before the old one expires ' +
          'and putting it into this secret (docs/deploy.md).',
      });
    }
  }

  /**
   * The secret's ARN for a policy. A secret known only by name or partial ARN gets Secrets
   * Manager's `-??????` suffix pattern: exactly one secret still matches it.
   */
  private policyResource(): string {
    return this.secret.secretFullArn ?? `${this.secret.secretArn}-??????`;
  }

  /**
   * Lets `grantee` read the key and nothing else: `secretsmanager:GetSecretValue` on this one
   * secret (not `grantRead`, which adds DescribeSecret), plus `kms:Decrypt` through Secrets Manager
   * when the secret uses a customer managed key.
   */
  public grantReadValue(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.policyResource()] }),
    );
    if (this.kmsKeyArn) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [this.kmsKeyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
  }
}
