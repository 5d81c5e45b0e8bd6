import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../client';
import { problemTitle } from '../../client';
import { registerDraft, takeDraft } from '../../drafts';
import { SubmitRow, useFormOutcome } from '../../form-outcome';
import { Link } from '../../link';
import { CmsChecklist } from './cms-checklist';
import { TextArea, TextInput } from './fields';
import { GoalsEditor, ProblemsEditor } from './goals';
import { InterventionsEditor } from './interventions';
import { type CarePlan, cmsElements, emptyPlan, type StoredCarePlan } from './plan-model';
import { CommunityServicesEditor, CoordinationEditor } from './services-coordination';

interface Loaded {
  plan: CarePlan;
  version: number;
  /** The elements the API last found missing: every one for a plan not yet started. */
  missing: string[];
}

const everyElement = cmsElements.map((e) => e.element);

/** Empty instructions are the blank lines of the text box, not instructions. */
const forSaving = (plan: CarePlan): CarePlan => ({
  ...plan,
  symptomManagement: plan.symptomManagement.map((line) => line.trim()).filter(Boolean),
});

const missingOf = (error: unknown): string[] =>
  typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors)
    ? error.errors
        .filter((field: { code?: string }) => field.code === 'missing-element')
        .map((field: { path: string }) => field.path)
    : [];

/**
 * `/patients/{patientId}/cases/{caseId}/care-plan`: the care plan editor. The checklist shows each
 * element CMS requires as the API last judged it; when a save is refused for missing elements,
 * each one is named beside its field. Establishing (version 1) and each revision are one PUT with
 * the version last read, so two people editing at once cannot overwrite each other.
 */
export function CarePlanPage({
  api,
  patientId,
  caseId,
  onError,
}: {
  api: ApiClient;
  patientId: string;
  caseId: string;
  onError: (error: unknown) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [plan, setPlan] = useState<CarePlan>(emptyPlan);
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const outcome = useFormOutcome();
  const latest = useRef(plan);
  latest.current = plan;
  const draftId = `care-plan-${caseId}`;

  useEffect(() => registerDraft(draftId, () => JSON.stringify(latest.current)), [draftId]);
  useEffect(() => {
    const show = (stored: Loaded) => {
      setLoaded(stored);
      // A draft kept through a forced sign-in wins over the stored plan it was typed on.
      const kept = takeDraft(draftId);
      setPlan(kept ? (JSON.parse(kept) as CarePlan) : stored.plan);
    };
    api
      .GET('/v1/cases/{caseId}/care-plan', { params: { path: { caseId }, query: { format: 'json' } } })
      .then(({ data, error, response }) => {
        if (response.status === 404) return show({ plan: emptyPlan(), version: 0, missing: everyElement });
        if (error || !data) return onError(new Error(problemTitle(error)));
        const stored = data as StoredCarePlan;
        show({ plan: stored.plan, version: stored.version, missing: stored.missingElements });
      })
      .catch(onError);
  }, [api, caseId, onError, draftId]);

  if (!loaded) return <p aria-live="polite">Loading the care plan…</p>;
  const change = (patch: Partial<CarePlan>) => setPlan({ ...plan, ...patch });
  const sections = { plan, change, missing: flagged };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    outcome.begin();
    const { data, error, response } = await api.PUT('/v1/cases/{caseId}/care-plan', {
      params: { path: { caseId }, header: { 'if-match': `"${loaded.version}"` } },
      body: forSaving(plan),
    });
    if (data) {
      setFlagged(new Set());
      setLoaded({ plan: data.plan, version: data.version, missing: data.missingElements });
      setPlan(data.plan);
      return outcome.succeeded(
        loaded.version === 0
          ? 'Care plan established as version 1.'
          : `Care plan saved as version ${data.version}.`,
      );
    }
    const missing = missingOf(error);
    if (response.status === 422 && missing.length > 0) {
      setFlagged(new Set(missing));
      setLoaded({ ...loaded, missing });
      return outcome.failed(
        `Not saved: ${missing.length} element(s) CMS requires are missing. Each is named beside its field.`,
      );
    }
    outcome.failed(problemTitle(error));
  };

  return (
    <>
      <h1>Care plan</h1>
      <p>
        {loaded.version === 0 ? 'Not established yet.' : `Version ${loaded.version}.`}{' '}
        <Link to={`/patients/${patientId}`}>Back to the patient</Link>
      </p>
      <CmsChecklist missing={loaded.missing} />
      <form onSubmit={(e) => save(e).catch(onError)} className="stacked-form plan-form">
        <ProblemsEditor {...sections} />
        <TextArea
          id="plan-expected-outcome"
          label="Expected outcome"
          value={plan.expectedOutcome ?? ''}
          onChange={(expectedOutcome) => change({ expectedOutcome })}
          cms={{ elements: ['expected-outcome'], missing: flagged }}
        />
        <TextArea
          id="plan-prognosis"
          label="Prognosis"
          value={plan.prognosis ?? ''}
          onChange={(prognosis) => change({ prognosis })}
          cms={{ elements: ['prognosis'], missing: flagged }}
        />
        <GoalsEditor {...sections} />
        <TextArea
          id="plan-symptoms"
          label="Symptom management (one instruction per line)"
          value={plan.symptomManagement.join('\n')}
          onChange={(text) => change({ symptomManagement: text.split('\n') })}
          cms={{ elements: ['symptom-management'], missing: flagged }}
        />
        <InterventionsEditor {...sections} />
        <TextArea
          id="plan-medications"
          label="Medication management"
          value={plan.medicationManagement?.summary ?? ''}
          onChange={(summary) => change({ medicationManagement: { ...plan.medicationManagement, summary } })}
          cms={{ elements: ['medication-management'], missing: flagged }}
        />
        <CommunityServicesEditor {...sections} />
        <CoordinationEditor {...sections} />
        <TextInput
          id="plan-review-date"
          label="Review date"
          type="date"
          value={plan.reviewDate ?? ''}
          onChange={(reviewDate) => {
            const { reviewDate: _old, ...rest } = plan;
            setPlan(reviewDate ? { ...rest, reviewDate } : rest);
          }}
          cms={{ elements: ['periodic-review'], missing: flagged }}
        />
        <SubmitRow
          label={loaded.version === 0 ? 'Establish care plan' : 'Save new version'}
          status={outcome.status}
          problem={outcome.problem}
        />
      </form>
    </>
  );
}
