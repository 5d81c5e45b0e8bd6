import { alertResolutions } from '@carelink/contracts/code-lists';
import { useCallback, useEffect, useState } from 'react';
import type { components } from '../api-types';
import { problemTitle } from '../client';
import { CodeSelect } from '../code-select';
import type { PatientSectionProps } from './patient-section';

type Flag = components['schemas']['OutreachRiskFlag'];
type Resolution = components['schemas']['OutreachResolveRequest']['resolution'];
// Offered on a flag: every resolution but case-closed, which says what became of the case, not the flag.
const resolutions = alertResolutions.filter((code) => code !== 'case-closed') satisfies readonly Resolution[];

/** The patient's open and acknowledged risk flags, each acknowledged or resolved with a coded resolution. */
export function RiskFlags({ api, patientId, onError, onChanged }: PatientSectionProps) {
  const [flags, setFlags] = useState<Flag[]>();
  const [chosen, setChosen] = useState<Record<string, Resolution>>({});
  const [problem, setProblem] = useState('');
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/v1/patients/{patientId}/risk-flags', {
      params: { path: { patientId } },
    });
    if (error) return setProblem(problemTitle(error));
    setFlags((data.items as Flag[]).filter((flag) => flag.status !== 'resolved'));
  }, [api, patientId]);
  useEffect(() => {
    load().catch(onError);
  }, [load, onError]);

  const step = async (flagId: string, action: 'acknowledge' | 'resolve') => {
    setProblem('');
    const params = { path: { patientId, flagId }, header: { 'idempotency-key': crypto.randomUUID() } };
    const { error } =
      action === 'acknowledge'
        ? await api.POST('/v1/patients/{patientId}/risk-flags/{flagId}/acknowledge', { params, body: {} })
        : await api.POST('/v1/patients/{patientId}/risk-flags/{flagId}/resolve', {
            params,
            body: { resolution: chosen[flagId] ?? 'clinically-addressed' },
          });
    if (error) setProblem(problemTitle(error));
    else onChanged();
    await load();
  };

  if (!flags) return null;
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">Risk flags</h2>
      {problem && <p role="alert">{problem}</p>}
      {flags.length === 0 ? (
        <p>No open risk flags.</p>
      ) : (
        <ul className="items">
          {flags.map((flag) => (
            <li key={flag.flagId} className={`urgency-${flag.severity}`}>
              <span className="badge">{flag.severity}</span> {flag.code} ({flag.kind}), {flag.status}
              <div className="actions">
                {flag.status === 'open' && (
                  <button type="button" onClick={() => step(flag.flagId, 'acknowledge').catch(onError)}>
                    Acknowledge {flag.code}
                  </button>
                )}
                <CodeSelect
                  id={`resolution-${flag.flagId}`}
                  label="Resolution"
                  value={chosen[flag.flagId] ?? 'clinically-addressed'}
                  options={resolutions}
                  onChange={(resolution) => setChosen({ ...chosen, [flag.flagId]: resolution })}
                />
                <button type="button" onClick={() => step(flag.flagId, 'resolve').catch(onError)}>
                  Resolve {flag.code}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
