import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { HrSource } from '../functions/lib/config/hr-config-schema.js';
import { HR_SECRET_VARIABLES, type HrSecretName } from '../functions/lib/hr/hr-secrets.js';

/** The secrets each enabled source needs: its webhook signing key, and the API credentials to call back. */
const SECRETS_OF_SOURCE: Record<HrSource, readonly HrSecretName[]> = {
  bamboohr: ['bamboohr-webhook', 'bamboohr-api'],
  hibob: ['hibob-webhook', 'hibob-api'],
  standard: ['standard-webhook'],
};

/** Props of {@link HrSecrets}. */
export interface HrSecretsProps {
  /** The sources enabled in the config (`hr.sources`). */
  sources: readonly HrSource[];
}

/**
 * One Secrets Manager secret per HR secret of the enabled sources, created empty for the operator
 * to fill (docs/deploy.md, "HR webhooks: secrets and registration"). Functions get `secretsmanager:GetSecretValue` on exactly the ones
 * their registry entry names, and the secret's id in the `*_SECRET_ID` variable the code reads.
 */
export class HrSecrets extends Construct {
  public readonly secrets: ReadonlyMap<HrSecretName, secretsmanager.Secret>;

  constructor(scope: Construct, id: string, props: HrSecretsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const names = [...new Set(props.sources.flatMap((source) => SECRETS_OF_SOURCE[source]))];
    this.secrets = new Map(
      names.map((name) => [
        name,
        new secretsmanager.Secret(this, pascal(name), {
          description: `${HR_SECRET_VARIABLES[name].holds} for ${stack.stackName} (put the value here; read as ${HR_SECRET_VARIABLES[name].secretId}).`,
          // Generated only because Secrets Manager must generate something: the functions find no
          // value they can use until the operator puts the real one, and say so.
          generateSecretString: { secretStringTemplate: JSON.stringify({ unset: true }), generateStringKey: 'placeholder' },
        }),
      ]),
    );
  }

  /**
   * Lets `fn` read the secrets named (those of enabled sources) and tells it where they are.
   * @returns the secrets granted.
   */
  public grantTo(fn: { role: iam.IGrantable; function: { addEnvironment(key: string, value: string): unknown } }, names: readonly HrSecretName[]): secretsmanager.Secret[] {
    const granted = names.flatMap((name) => {
      const secret = this.secrets.get(name);
      return secret ? [[name, secret] as const] : [];
    });
    if (granted.length === 0) return [];
    fn.role.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: granted.map(([, secret]) => secret.secretArn) }),
    );
    for (const [name, secret] of granted) fn.function.addEnvironment(HR_SECRET_VARIABLES[name].secretId, secret.secretArn);
    return granted.map(([, secret]) => secret);
  }
}

function pascal(name: string): string {
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
