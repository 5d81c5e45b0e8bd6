import { AgreementChangedV1, PartnerChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { network, runtime } from '../runtime';

/** Keeps intake's projection of partners and their network agreements, which routing reads. */
export const handler = eventConsumer(runtime, {
  name: 'partner-network',
  contracts: [AgreementChangedV1, PartnerChangedV1],
  handle: async (event) => {
    const { data } = event.detail;
    const applied =
      'agreementId' in data ? await network.applyAgreement(data) : await network.applyPartner(data);
    if (!applied)
      runtime.logger.info('older directory version ignored', {
        detailType: event.contract.detailType,
      });
    return undefined;
  },
});
