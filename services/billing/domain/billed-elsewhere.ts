import { APCM_CODES, CCM_CODES, PCM_CODES } from './codes';

/** What `otherBilled` says about the month, from the billing practitioner's point of view. */
export type BilledElsewhere = {
  readonly apcm: boolean;
  readonly ccmByOther: boolean;
  readonly ccmBySelf: boolean;
  readonly pcmByOther: boolean;
  readonly pcmBySelf: boolean;
};

/** Classifies codes already billed this month by family and by who billed them. */
export const billedElsewhere = (
  otherBilled: ReadonlyArray<{ code: string; practitionerId: string }>,
  billingPractitionerId: string,
): BilledElsewhere => {
  let apcm = false;
  let ccmByOther = false;
  let ccmBySelf = false;
  let pcmByOther = false;
  let pcmBySelf = false;
  for (const { code, practitionerId } of otherBilled) {
    const self = practitionerId === billingPractitionerId;
    if (APCM_CODES.has(code)) apcm = true;
    else if (CCM_CODES.has(code)) {
      if (self) ccmBySelf = true;
      else ccmByOther = true;
    } else if (PCM_CODES.has(code)) {
      if (self) pcmBySelf = true;
      else pcmByOther = true;
    }
  }
  return { apcm, ccmByOther, ccmBySelf, pcmByOther, pcmBySelf };
};
