import {
  type CaseClosedV1,
  CaseOpenedV1,
  EligibilityDeterminedV1,
  type EventContract,
  type EventData,
  type EventMetadata,
  NotFoundError,
} from '@carelink/contracts';
import type {
  CancelReferralBody,
  CreateReferralBody,
  UpdateReferralBody,
} from '@carelink/contracts/api/intake/referrals';
import {
  type Commit,
  type IfMatch,
  ifMatchAccepts,
  type ServiceRuntime,
  ValidationError,
} from '@carelink/lambda-kit';
import type { PatientKeys } from '../adapters/patient-keys';
import { NoNetworkPracticeError, StaleVersionError } from '../domain/errors';
import { patientKeyInput } from '../domain/patient-key';
import {
  applyCaseClosed,
  applyCaseOpened,
  applyDetermination,
  cancel,
  correct,
  type EventOutcome,
  newReferral,
  type Referral,
} from '../domain/referral';
import { type NetworkAgreement, type RoutingFacts, routeReferral } from '../domain/routing';
import { isStartKeyOf, keys } from '../store/keys';
import type { NetworkStore } from '../store/network-store';
import type { ReferralStore } from '../store/referral-store';
import {
  claimSubscriberChanged,
  patientIdentified,
  referralCancelled,
  referralReceived,
  referralUpdated,
  statusChangedEvents,
} from './events';

export interface ReferralChange {
  referral: Referral;
  commit: Commit;
}

type CareEvent = typeof EligibilityDeterminedV1 | typeof CaseOpenedV1 | typeof CaseClosedV1;

export interface ReferralDeps {
  runtime: ServiceRuntime;
  referrals: ReferralStore;
  network: NetworkStore;
  patientKeys: PatientKeys;
}

/** A partner's referrals: routed, received, read, corrected, cancelled, and moved along by care events. */
export function createReferrals({ runtime, referrals, network, patientKeys }: ReferralDeps) {
  const now = () => runtime.clock().toISOString();
  /** Each partner's network as this container last read it, with the revision read before it. */
  const knownNetworks = new Map<string, { revision: number; agreements: readonly NetworkAgreement[] }>();

  /**
   * The route by the network this container read before, with the member link in the routed tenant,
   * after one round trip that also confirms the network's revision is unchanged. Undefined when it
   * changed (or was never read here, or routes this referral nowhere): the route is then decided on
   * a fresh read.
   */
  async function onKnownNetwork(partnerId: string, facts: RoutingFacts, keyed: Promise<string>) {
    const known = knownNetworks.get(partnerId);
    const route = known && routeReferral(known.agreements, facts);
    if (!known || !route) return undefined;
    const patientKey = await keyed;
    const read = await referrals.patientIdWithNetworkRevision(route.tenantId, patientKey, partnerId);
    if (read.networkRevision !== known.revision) return undefined;
    return { route, patientKey, existingPatientId: read.patientId };
  }

  /** The route by the partner's network as it is now, then the member link in the routed tenant. */
  async function onFreshNetwork(partnerId: string, facts: RoutingFacts, keyed: Promise<string>) {
    // The revision is read first: a change landing during the agreements' read then shows as a newer
    // revision next time, never as a current one.
    const revision = await network.revision(partnerId);
    const agreements = await network.agreementsOf(partnerId);
    if (revision !== undefined) {
      if (knownNetworks.size >= 1000 && !knownNetworks.has(partnerId)) knownNetworks.clear();
      knownNetworks.set(partnerId, { revision, agreements });
    }
    const route = routeReferral(agreements, facts);
    if (!route) throw new NoNetworkPracticeError();
    const patientKey = await keyed;
    return { route, patientKey, existingPatientId: await referrals.patientIdOf(route.tenantId, patientKey) };
  }

  /** A referral the partner sent; any other (another partner's, or none) is not found. */
  async function existing(partnerId: string, referralId: string): Promise<Referral> {
    const tenantId = await referrals.tenantOfSent(partnerId, referralId);
    const referral = tenantId ? await referrals.get(tenantId, referralId) : undefined;
    if (!referral || referral.partnerId !== partnerId) throw new NotFoundError('Referral');
    return referral;
  }

  const replaced = (before: Referral, after: Referral, events: Commit['events']): ReferralChange => ({
    referral: after,
    commit: { tenantId: after.tenantId, writes: [referrals.replace(after, before.version)], events },
  });

  return {
    /**
     * A new referral goes to the practice the partner's network routes it to, in that practice's
     * tenant; a person the tenant already knows (same patient key) keeps their patient id.
     */
    async receive(partnerId: string, body: CreateReferralBody): Promise<ReferralChange> {
      const at = now();
      const facts = {
        requestedPrograms: body.requestedPrograms,
        attributedNpi: body.attributedPractitioner?.npi,
        state: body.member.address.state,
        postalCode: body.member.address.postalCode,
        today: at.slice(0, 10),
      };
      const keyed = patientKeys.keyOf(patientKeyInput(body.member, body.coverage.payerId));
      // A failure to key the member surfaces where the key is awaited, after the route is known.
      keyed.catch(() => undefined);
      const { route, patientKey, existingPatientId } =
        (await onKnownNetwork(partnerId, facts, keyed)) ?? (await onFreshNetwork(partnerId, facts, keyed));
      const referral = newReferral({
        id: runtime.newId(),
        tenantId: route.tenantId,
        partnerId,
        patientId: existingPatientId ?? runtime.newId(),
        patientKey,
        practiceId: route.practiceId,
        body,
        at,
      });
      runtime.logger.info('referral received', {
        referralId: referral.id,
        patientId: referral.patientId,
        tenantId: route.tenantId,
        practiceId: route.practiceId,
        routingRule: route.rule,
      });
      return {
        referral,
        commit: {
          tenantId: route.tenantId,
          writes: referrals.create(referral, existingPatientId ? 'existing' : 'new'),
          events: [
            referralReceived(referral),
            claimSubscriberChanged(referral),
            patientIdentified(referral),
            ...statusChangedEvents(undefined, referral),
          ],
        },
      };
    },

    get: existing,

    /** Most recently updated first; a cursor is honoured only on the listing it came from. */
    async list(
      partnerId: string,
      query: {
        status?: Referral['status'] | undefined;
        updatedSince?: string | undefined;
        startKey: Record<string, unknown> | null | undefined;
        limit: number;
      },
    ) {
      const { startKey } = query;
      const partition = { attribute: 'gsi1pk', value: keys.referralsByUpdate(partnerId) };
      if (
        startKey === null ||
        (startKey && !isStartKeyOf(startKey, partition, ['pk', 'sk', 'gsi1pk', 'gsi1sk']))
      )
        throw new ValidationError('The cursor is not valid', [
          { path: 'query.cursor', code: 'invalid_cursor' },
        ]);
      return referrals.list(partnerId, {
        status: query.status,
        updatedSince: query.updatedSince ? new Date(query.updatedSince).toISOString() : undefined,
        startKey,
        limit: query.limit,
      });
    },

    /** The partner corrects facts of the version it read (`If-Match`). */
    async correct(
      partnerId: string,
      referralId: string,
      patch: UpdateReferralBody,
      ifMatch: IfMatch | undefined,
    ): Promise<ReferralChange> {
      const referral = await existing(partnerId, referralId);
      if (ifMatch === undefined || !ifMatchAccepts(ifMatch, referral.version)) throw new StaleVersionError();
      const updated = correct(referral, patch, now());
      runtime.logger.info('referral corrected', {
        referralId: updated.id,
        fields: Object.keys(patch),
        version: updated.version,
      });
      return replaced(referral, updated, [referralUpdated(updated), claimSubscriberChanged(updated)]);
    },

    async cancel(partnerId: string, referralId: string, body: CancelReferralBody): Promise<ReferralChange> {
      const referral = await existing(partnerId, referralId);
      const cancelled = cancel(referral, body, now());
      runtime.logger.info('referral cancelled', { referralId: referral.id, reasonCode: body.reasonCode });
      return replaced(referral, cancelled, [
        referralCancelled(cancelled, body.reasonCode),
        ...statusChangedEvents(referral, cancelled),
      ]);
    },

    /** Eligibility and case events move the referral along its lifecycle; stale ones change nothing. */
    async applyCareEvent<C extends CareEvent>(
      contract: C,
      metadata: EventMetadata,
      data: EventData<C>,
    ): Promise<Commit | undefined> {
      const referral = await referrals.get(metadata.tenantId, data.referralId);
      if (!referral) {
        runtime.logger.warn('event for an unknown referral ignored', {
          referralId: data.referralId,
          detailType: contract.detailType,
        });
        return undefined;
      }
      const outcome = outcomeOf(contract, referral, data, now());
      if (!outcome.applied) {
        runtime.logger.info('event left the referral unchanged', {
          referralId: referral.id,
          status: referral.status,
          detailType: contract.detailType,
          reason: outcome.reason,
        });
        return undefined;
      }
      return replaced(referral, outcome.referral, statusChangedEvents(referral, outcome.referral)).commit;
    },
  };
}

function outcomeOf(contract: EventContract, referral: Referral, data: unknown, at: string): EventOutcome {
  if (contract === EligibilityDeterminedV1)
    return applyDetermination(referral, data as EventData<typeof EligibilityDeterminedV1>, at);
  if (contract === CaseOpenedV1)
    return applyCaseOpened(referral, (data as EventData<typeof CaseOpenedV1>).caseId, at);
  return applyCaseClosed(referral, (data as EventData<typeof CaseClosedV1>).caseId, at);
}

export type Referrals = ReturnType<typeof createReferrals>;
