import { createHash, randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AgreementChangedV1 } from '@carelink/contracts';
import { CreateReferralBody } from '@carelink/contracts/api/intake';
import { commitTransaction, createServiceRuntime, type ServiceRuntime } from '@carelink/lambda-kit';
import { useLocalAws } from '@carelink/local/aws-environment';
import { localCredentials, localRegion } from '@carelink/local/dynamodb/launcher';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { composeIntake, type Intake } from '../compose';
import type { NetworkAgreement } from '../domain/routing';
import { intakeManifest } from '../manifest';
import { keys } from '../store/keys';
import { referralBody } from '../testing/referral-fixtures';

const tableName = `revision${randomBytes(4).toString('hex')}-intake`;
let runtime: ServiceRuntime;

beforeAll(async () => {
  const endpoint = inject('dynamoDbEndpoint');
  useLocalAws({ dynamodb: endpoint });
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, tableName, intakeManifest.table);
  client.destroy();
  runtime = createServiceRuntime('intake', { ...process.env, INTAKE_TABLE_NAME: tableName });
});

/** One container's intake: its own memory of partner networks, as a Lambda container has. */
const container = (): Intake =>
  composeIntake(runtime, {
    patientKeys: { keyOf: async (identifier) => createHash('sha256').update(identifier).digest('hex') },
  });

const agreement = (partnerId: string, overrides: Partial<NetworkAgreement> = {}): NetworkAgreement => ({
  ...AgreementChangedV1.example,
  partnerId,
  agreementId: runtime.newId(),
  ...overrides,
});

async function receiveAndCommit(intake: Intake, partnerId: string, body = referralBody()) {
  const { referral, commit } = await intake.referrals.receive(partnerId, CreateReferralBody.parse(body));
  await commitTransaction(runtime, commit, { tenantId: referral.tenantId, correlationId: runtime.newId() });
  return referral;
}

describe('routing by a network read earlier', () => {
  it('routes by the new network as soon as an agreement changes, in a container that read the old one', async () => {
    const partnerId = `revision-${randomBytes(3).toString('hex')}`;
    const intake = container();
    const boston = agreement(partnerId);
    expect(await intake.network.applyAgreement(boston)).toBe(true);
    expect((await receiveAndCommit(intake, partnerId)).tenantId).toBe('acme-health');
    expect((await receiveAndCommit(intake, partnerId)).tenantId).toBe('acme-health');

    // Another container applies the directory's change: the old agreement ends, a new one takes over.
    const directory = container();
    expect(await directory.network.applyAgreement({ ...boston, status: 'ended', version: 2 })).toBe(true);
    expect(
      await directory.network.applyAgreement(
        agreement(partnerId, { tenantId: 'bluepeak-health', practiceId: 'practice-denver' }),
      ),
    ).toBe(true);
    // A late or repeated version changes nothing, the revision included.
    expect(await directory.network.applyAgreement({ ...boston, version: 1 })).toBe(false);

    const moved = await receiveAndCommit(intake, partnerId);
    expect(moved.tenantId).toBe('bluepeak-health');
    expect(moved.practiceId).toBe('practice-denver');
  });

  it('keeps the patient id of a person the routed tenant already knows', async () => {
    const partnerId = `known-${randomBytes(3).toString('hex')}`;
    const intake = container();
    await intake.network.applyAgreement(agreement(partnerId));
    const member = { ...referralBody().member, mbi: '1EG4TE5MK75' };
    const first = await receiveAndCommit(intake, partnerId, referralBody({ member }));
    const second = await receiveAndCommit(intake, partnerId, referralBody({ member }));
    expect(second.patientId).toBe(first.patientId);
  });

  it('reads a network that has no revision yet afresh for every referral', async () => {
    const partnerId = `legacy-${randomBytes(3).toString('hex')}`;
    const intake = container();
    // Agreements written before revisions existed: no revision item beside them.
    const putAgreement = (value: NetworkAgreement) =>
      runtime.db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.networkAgreement(partnerId, value.agreementId), kind: 'agreement', ...value },
        }),
      );
    const boston = agreement(partnerId);
    await putAgreement(boston);
    expect((await receiveAndCommit(intake, partnerId)).tenantId).toBe('acme-health');
    await putAgreement({ ...boston, tenantId: 'bluepeak-health', practiceId: 'practice-denver', version: 2 });
    expect((await receiveAndCommit(intake, partnerId)).tenantId).toBe('bluepeak-health');
  });
});
