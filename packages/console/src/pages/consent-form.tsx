import { type FormEvent, useState } from 'react';
import type { operations } from '../api-types';
import { session } from '../auth';
import { problemTitle } from '../client';
import { CodeSelect } from '../code-select';
import { SubmitRow, useFormOutcome } from '../form-outcome';
import type { PatientSectionProps } from './patient-section';

type Consent = operations['recordConsent']['requestBody']['content']['application/json'];
const programs = ['ccm', 'pcm', 'apcm'] as const satisfies readonly Consent['program'][];
const methods = ['verbal', 'written'] as const satisfies readonly Consent['method'][];

/** Records the patient's consent to a program with the practitioner who will bill it, after the CMS discussion. */
export function ConsentForm({ api, patientId, onError, onChanged }: PatientSectionProps) {
  const [program, setProgram] = useState<Consent['program']>('ccm');
  const [method, setMethod] = useState<Consent['method']>('verbal');
  const [npi, setNpi] = useState('');
  const [told, setTold] = useState({ stop: false, onePractitioner: false, costSharing: false });
  const outcome = useFormOutcome();
  const { staffId } = session();
  if (!staffId) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.begin();
    const { error } = await api.POST('/v1/patients/{patientId}/consents', {
      params: { path: { patientId }, header: { 'idempotency-key': crypto.randomUUID() } },
      body: {
        program,
        method,
        obtainedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        obtainedBy: staffId,
        billingPractitionerNpi: npi.trim(),
        rightToStopAnyTime: told.stop,
        onlyOnePractitionerBillsPerMonth: told.onePractitioner,
        costSharingExplained: told.costSharing,
      },
    });
    if (error) return outcome.failed(problemTitle(error));
    onChanged();
    outcome.succeeded(`${program.toUpperCase()} consent recorded.`);
  };
  const check = (key: keyof typeof told, label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={told[key]}
        onChange={(e) => setTold({ ...told, [key]: e.target.checked })}
      />{' '}
      {label}
    </label>
  );
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      <form onSubmit={(e) => submit(e).catch(onError)} className="stacked-form">
        <CodeSelect
          id="consent-program"
          label="Program"
          value={program}
          options={programs}
          onChange={setProgram}
          show={(code) => code.toUpperCase()}
        />
        <CodeSelect
          id="consent-method"
          label="Method"
          value={method}
          options={methods}
          onChange={setMethod}
        />
        <label htmlFor="consent-npi">Billing practitioner NPI</label>
        <input
          id="consent-npi"
          value={npi}
          onChange={(e) => setNpi(e.target.value)}
          inputMode="numeric"
          pattern="[0-9]{10}"
          required
        />
        <fieldset>
          <legend>Discussed with the patient</legend>
          {check('stop', 'They can stop at any time')}
          {check('onePractitioner', 'Only one practitioner can bill this service each month')}
          {check('costSharing', 'Cost sharing (co-insurance) may apply')}
        </fieldset>
        <SubmitRow label="Record consent" status={outcome.status} problem={outcome.problem} />
      </form>
    </section>
  );
}
