import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseStaffClients } from '../config/staff-clients';
import { clientClaimsVariable } from '../functions/pre-token-generation';
import { fixtureManifests } from '../test-fixtures/manifests';
import { synthesizeCarelink } from '../test-fixtures/synth';
import { dependencyCycle, referencedIds, resourcesOf } from '../test-fixtures/template-queries';

const staffClients = parseStaffClients([
  {
    name: 'boston-back-office',
    description: 'Boston practice back office',
    tenantId: 'carelink-health',
    practiceId: 'practice-boston',
    role: 'care-manager',
    scopes: ['cases:read'],
  },
]);

describe('the token claims trigger', () => {
  const { platformTemplate: template, platform } = synthesizeCarelink(fixtureManifests, 'prod', staffClients);
  const logicalId = (element: unknown) => platform.getLogicalId(element as never);
  const poolId = logicalId(platform.userPool.node.defaultChild);
  const triggerId = logicalId(platform.tokenClaims.function.node.defaultChild);

  it('is a version 3 pre token generation trigger of the pool, named rather than referenced', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolAddOns: { AdvancedSecurityMode: Match.anyValue() },
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaVersion: 'V3_0',
          LambdaArn: {
            'Fn::Join': ['', Match.arrayWith([':function:carelink-prod-pre-token-generation'])],
          },
        },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'carelink-prod-pre-token-generation',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
    });
    expect(dependencyCycle(template)).toBeUndefined();
  });

  it('maps every partner client to its tenant and every staff client to tenant, practice and role', () => {
    const trigger = resourcesOf(template)[triggerId];
    const environment = trigger?.Properties?.Environment as
      | { Variables: Record<string, unknown> }
      | undefined;
    const variables = environment?.Variables ?? {};
    const map = JSON.stringify(variables[clientClaimsVariable]);
    for (const [tenantId, client] of platform.partnerClients) {
      expect(map).toContain(logicalId(client.node.defaultChild));
      expect(map).toContain(`\\"tenant_id\\":\\"${tenantId}\\"`);
    }
    const staff = platform.staffClients.get('boston-back-office');
    expect(map).toContain(logicalId(staff?.node.defaultChild));
    expect(map).toContain('\\"practice_id\\":\\"practice-boston\\",\\"role\\":\\"care-manager\\"');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'staff-boston-back-office',
      AllowedOAuthFlows: ['client_credentials'],
    });
  });

  it('may be invoked by Cognito for this pool only, and may do nothing but write its logs and traces', () => {
    const permissions = Object.values(resourcesOf(template, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: {
        'Fn::Join': ['', expect.arrayContaining([':function:carelink-prod-pre-token-generation'])],
      },
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
    // It names the function by ARN, so it must wait for the function.
    expect((permissions[0] as { DependsOn?: string[] }).DependsOn).toContain(triggerId);
    const policy = Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).find((p) =>
      referencedIds(p.Properties?.Roles).has(logicalId(platform.tokenClaims.role.node.defaultChild)),
    );
    const document = policy?.Properties?.PolicyDocument as
      | { Statement: { Action: string | string[] }[] }
      | undefined;
    const actions = (document?.Statement ?? []).flatMap((statement) => [statement.Action].flat());
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });
});
