import { StaffRole } from '@carelink/contracts';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { fixtureManifests } from '../test-fixtures/manifests';
import { synthesizeCarelink } from '../test-fixtures/synth';
import { dependencyCycle, resourcesOf } from '../test-fixtures/template-queries';

const synthesized = synthesizeCarelink(fixtureManifests, 'prod');
const { platformTemplate: platform } = synthesized;
const directory = synthesized.serviceTemplates.get('directory');
const intake = synthesized.serviceTemplates.get('intake');
const carePlanning = synthesized.serviceTemplates.get('care-planning');

/** Every IAM action granted in a template. */
function grantedActions(template: typeof platform | undefined): string[] {
  const policies = Object.values(resourcesOf(template as typeof platform, 'AWS::IAM::ManagedPolicy'));
  return policies.flatMap((policy) => {
    const document = policy.Properties?.PolicyDocument as { Statement: { Action: string | string[] }[] };
    return document.Statement.flatMap((statement) => [statement.Action].flat());
  });
}

describe('identity in the platform', () => {
  it('has one machine client, the operator’s, and no partner in code', () => {
    const clients = Object.values(resourcesOf(platform, 'AWS::Cognito::UserPoolClient')).filter(
      (client) => client.Properties?.ClientName !== 'carelink-console',
    );
    expect(clients).toHaveLength(1);
    expect(clients[0]?.Properties).toMatchObject({
      ClientName: 'carelink-operator',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
    });
    const scopes = JSON.stringify(clients[0]?.Properties?.AllowedOAuthScopes);
    expect(scopes).toContain('/platform-admin');
    expect(scopes).not.toContain('referrals:');
  });

  it('defines every scope a partner client may be given at run time', () => {
    const server = Object.values(resourcesOf(platform, 'AWS::Cognito::UserPoolResourceServer'))[0];
    const names = ((server?.Properties?.Scopes ?? []) as { ScopeName: string }[]).map((s) => s.ScopeName);
    expect(names).toEqual(
      expect.arrayContaining(['referrals:read', 'referrals:write', 'webhooks:manage', 'platform-admin']),
    );
  });

  it('points the pool’s version 3 token trigger at the directory’s function by name, with no cycle', () => {
    platform.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaVersion: 'V3_0',
          LambdaArn: {
            'Fn::Join': ['', Match.arrayWith([':function:carelink-prod-directory-pre-token-generation'])],
          },
        },
      },
    });
    expect(Object.keys(resourcesOf(platform, 'AWS::Lambda::Permission'))).toEqual([]);
    directory?.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'carelink-prod-directory-pre-token-generation',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
    });
    const permissions = Object.values(resourcesOf(directory as typeof platform, 'AWS::Lambda::Permission'));
    expect(permissions.map((p) => p.Properties?.Principal)).toContain('cognito-idp.amazonaws.com');
    expect(dependencyCycle(platform)).toBeUndefined();
  });

  it('signs people in through a public console client with the code flow, and requires TOTP', () => {
    platform.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'carelink-console',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://console.carelink.example/callback'],
      LogoutURLs: ['https://console.carelink.example/signed-out.html'],
    });
    platform.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('has one group per staff role, which the directory places people in', () => {
    const groups = Object.values(resourcesOf(platform, 'AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties?.GroupName,
    );
    expect(groups.sort()).toEqual([...StaffRole.options].sort());
  });

  it('keeps the patient-key pepper in Secrets Manager under the platform key', () => {
    platform.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'carelink/prod/patient-key-pepper',
      KmsKeyId: Match.anyValue(),
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });
});

describe('capabilities a manifest grants', () => {
  it('lets only the client-issuing function create and delete app clients, on the one pool', () => {
    const actions = grantedActions(directory);
    expect(actions).toEqual(
      expect.arrayContaining(['cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient']),
    );
    for (const other of [intake, carePlanning])
      expect(grantedActions(other).join(' ')).not.toContain('cognito-idp');
    const policies = JSON.stringify(resourcesOf(directory as typeof platform, 'AWS::IAM::ManagedPolicy'));
    expect(policies).toMatch(/cognito-idp:CreateUserPoolClient[^\]]*\][^}]*"Resource":\{"Fn::ImportValue"/s);
  });

  it('lets only functions that page on-call people publish to the on-call topic, encrypted with the platform key', () => {
    platform.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'carelink-prod-on-call',
      KmsMasterKeyId: Match.anyValue(),
    });
    expect(grantedActions(intake)).toEqual(expect.arrayContaining(['sns:Publish']));
    expect(grantedActions(carePlanning)).not.toContain('sns:Publish');
    expect(JSON.stringify(intake?.toJSON())).toContain('ON_CALL_TOPIC_ARN');
  });

  it('lets only the function that keys patients read the pepper', () => {
    expect(grantedActions(intake)).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
    expect(grantedActions(carePlanning)).not.toContain('secretsmanager:GetSecretValue');
    expect(grantedActions(directory)).not.toContain('secretsmanager:GetSecretValue');
  });
});
