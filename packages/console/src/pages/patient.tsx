import { useCallback, useEffect, useState } from 'react';
import { can } from '../auth';
import { type ApiClient, problemTitle } from '../client';
import { Link } from '../link';
import { ConsentForm } from './consent-form';
import { OutreachWork } from './outreach-work';
import { RiskFlags } from './risk-flags';
import { ScreeningForm } from './screening-form';
import { TimeLogger } from './time-logger';

interface Timeline {
  patient: {
    patientId: string;
    name?: { given: string[]; family: string };
    birthDate?: string;
    sex?: string;
  };
  cases: { caseId: string; program: string; status: 'open' | 'closed'; openedAt?: string }[];
  items: { at: string; kind: string; title: string; facts: { label: string; value: string }[] }[];
}

/** `/patients/{id}`: the patient's name and their story from referral to claim. */
export function PatientPage({
  api,
  patientId,
  onError,
}: {
  api: ApiClient;
  patientId: string;
  onError: (error: unknown) => void;
}) {
  const [timeline, setTimeline] = useState<Timeline>();
  const [missing, setMissing] = useState(false);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    // After the person changed something, the timeline follows its events a moment later.
    const wait = changes === 0 ? 0 : 1500;
    const timer = setTimeout(() => {
      api
        .GET('/v1/patients/{patientId}/timeline', { params: { path: { patientId }, query: { limit: 100 } } })
        .then(({ data, error, response }) => {
          if (response.status === 404) return setMissing(true);
          if (error) return onError(new Error(problemTitle(error)));
          setTimeline(data as Timeline);
        })
        .catch(onError);
    }, wait);
    return () => clearTimeout(timer);
  }, [api, patientId, onError, changes]);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  if (missing)
    return (
      <>
        <h1>Patient not found</h1>
        <p>
          No patient {patientId} in your practice. <Link to="/">Back to the worklist</Link>
        </p>
      </>
    );
  if (!timeline) return <p aria-live="polite">Loading the patient…</p>;
  const { name } = timeline.patient;
  return (
    <>
      <h1>{name ? `${name.given.join(' ')} ${name.family}` : `Patient ${patientId}`}</h1>
      {timeline.patient.birthDate && (
        <p>
          Born {timeline.patient.birthDate} · {timeline.patient.sex}
        </p>
      )}
      {timeline.cases.length > 0 && (
        <section aria-labelledby="cases-heading">
          <h2 id="cases-heading">Cases</h2>
          <ul className="items">
            {timeline.cases.map((c) => (
              <li key={c.caseId}>
                {c.program.toUpperCase()} case, {c.status}
                {c.openedAt && `, opened ${new Date(c.openedAt).toLocaleDateString()}`}:{' '}
                <Link to={`/patients/${patientId}/cases/${c.caseId}/care-plan`}>
                  {c.status === 'open' && can('cases:write') ? 'Care plan (edit)' : 'Care plan'}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {can('outreach:read') && (
        <RiskFlags api={api} patientId={patientId} onError={onError} onChanged={changed} />
      )}
      {can('consent:write') && (
        <ConsentForm api={api} patientId={patientId} onError={onError} onChanged={changed} />
      )}
      {can('outreach:write') && (
        <ScreeningForm api={api} patientId={patientId} onError={onError} onChanged={changed} />
      )}
      {can('outreach:write') && (
        <OutreachWork api={api} patientId={patientId} onError={onError} onChanged={changed} />
      )}
      {can('outreach:write') && (
        <TimeLogger api={api} patientId={patientId} onError={onError} onChanged={changed} />
      )}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {timeline.items.map((item, index) => (
            <li key={`${item.at}-${index}`} className={`kind-${item.kind}`}>
              <h3>{item.title}</h3>
              <time dateTime={item.at}>{new Date(item.at).toLocaleString()}</time>
              {item.facts.length > 0 && (
                <dl>
                  {item.facts.map((fact) => (
                    <div key={fact.label}>
                      <dt>{fact.label}</dt>
                      <dd>{fact.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
