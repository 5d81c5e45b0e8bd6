import { type FormEvent, useEffect, useState } from 'react';
import type { ApiClient } from '../client';
import { problemTitle } from '../client';
import { Link } from '../link';
import { navigate } from '../router';

type Worklist = NonNullable<Awaited<ReturnType<ApiClient['GET']>>['data']> & {
  items: {
    kind: string;
    urgency: string;
    id: string;
    patientId: string;
    dueAt: string;
    detail: Record<string, string | number>;
  }[];
  ccmMinutes: {
    patientId: string;
    minutes: number;
    minutesToNextThreshold: number;
    nextThreshold?: number;
  }[];
};

const describe = (item: Worklist['items'][number]) =>
  String(item.detail.title ?? item.detail.taskKind ?? item.detail.code ?? item.detail.flagKind ?? item.kind);

/** `/`: the signed-in person's due and overdue work, urgent first, and patients close to a threshold. */
export function WorklistPage({ api, onError }: { api: ApiClient; onError: (error: unknown) => void }) {
  const [worklist, setWorklist] = useState<Worklist>();
  const [patientId, setPatientId] = useState('');
  useEffect(() => {
    api
      .GET('/v1/worklist')
      .then(({ data, error }) =>
        error ? onError(new Error(problemTitle(error))) : setWorklist(data as Worklist),
      )
      .catch(onError);
  }, [api, onError]);
  const open = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/patients/${patientId.trim().toUpperCase()}`);
  };
  return (
    <>
      <h1>Worklist</h1>
      <form onSubmit={open} className="inline-form">
        <label htmlFor="patient-id">Patient id</label>
        <input
          id="patient-id"
          value={patientId}
          onChange={(e) => setPatientId(e.target.value)}
          pattern="[0-9A-Za-z]{26}"
          required
        />
        <button type="submit">Open patient</button>
      </form>
      {!worklist ? (
        <p aria-live="polite">Loading your worklist…</p>
      ) : (
        <>
          <section aria-labelledby="work-heading">
            <h2 id="work-heading">Due and overdue</h2>
            {worklist.items.length === 0 ? (
              <p>Nothing is due. Well done.</p>
            ) : (
              <ul className="items">
                {worklist.items.map((item) => (
                  <li key={`${item.kind}-${item.id}`} className={`urgency-${item.urgency}`}>
                    <span className="badge">{item.urgency}</span> {describe(item)} ·{' '}
                    <time dateTime={item.dueAt}>{new Date(item.dueAt).toLocaleString()}</time> ·{' '}
                    <Link to={`/patients/${item.patientId}`}>Open patient {item.patientId.slice(-6)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">CCM minutes this month</h2>
            {worklist.ccmMinutes.length === 0 ? (
              <p>No CCM time logged this month yet.</p>
            ) : (
              <ul className="items">
                {worklist.ccmMinutes.map((m) => (
                  <li key={m.patientId}>
                    {m.minutes} min, {m.minutesToNextThreshold} to go ·{' '}
                    <Link to={`/patients/${m.patientId}`}>Open patient {m.patientId.slice(-6)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
