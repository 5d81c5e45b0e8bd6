import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { components } from '../api-types';
import { can, session } from '../auth';
import { type ApiClient, problemTitle } from '../client';
import { CodesChart } from '../codes-chart';
import { saveFile } from '../download';
import { AuditPackets } from './audit-packets';

type Run = components['schemas']['BillingRun'];
interface Summary {
  codes: { code: string; patients: number; units: number }[];
  expectedRevenue: string;
  fees: { year: number; locality: string | null; facility: boolean };
  notBilled: { reason: string; patientIds: string[] }[];
}

const previousMonth = () => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
};

const newKey = () => crypto.randomUUID();
const RUN_POLL_MS = 1000;

/** `/billing`: a month's run for the billing lead: summary with a chart, exports, finalising. */
export function BillingPage({ api, onError }: { api: ApiClient; onError: (error: unknown) => void }) {
  const [month, setMonth] = useState(previousMonth);
  const [shown, setShown] = useState(previousMonth);
  const [run, setRun] = useState<Run | null>();
  const [summary, setSummary] = useState<Summary>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (target: string, { quietly = false } = {}) => {
      if (!quietly) {
        setRun(undefined);
        setSummary(undefined);
      }
      const { data, error } = await api.GET('/v1/billing/runs', { params: { query: { month: target } } });
      if (error) return onError(new Error(problemTitle(error)));
      const found = (data.items[0] as Run | undefined) ?? null;
      setRun(found);
      if (!found || found.status === 'running') return;
      const answer = await api.GET('/v1/billing/runs/{runId}/summary', {
        params: { path: { runId: found.runId } },
      });
      if (answer.error) return onError(new Error(problemTitle(answer.error)));
      setSummary(answer.data as Summary);
    },
    [api, onError],
  );
  useEffect(() => {
    load(shown).catch(onError);
  }, [load, shown, onError]);
  // A run executes in the background: while it runs, it is read again every second until it completes.
  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setTimeout(() => load(shown, { quietly: true }).catch(onError), RUN_POLL_MS);
    return () => clearTimeout(timer);
  }, [run, load, shown, onError]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setShown(month);
  };
  const act = async (action: () => Promise<{ error?: unknown }>) => {
    setBusy(true);
    try {
      const { error } = await action();
      if (error) onError(new Error(problemTitle(error)));
      await load(shown);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const startRun = () =>
    act(() =>
      api.POST('/v1/billing/runs', {
        body: { practiceId: session().practiceId ?? '', month: shown },
        params: { header: { 'idempotency-key': newKey() } },
      }),
    );
  const finalize = (runId: string) =>
    act(() =>
      api.POST('/v1/billing/runs/{runId}/finalize', {
        params: { path: { runId }, header: { 'idempotency-key': newKey() } },
      }),
    );
  // Through the API client, so the export carries the person's token and an ended session signs in again.
  const exportAs = async (runId: string, format: 'csv' | 'fhir' | 'x12') => {
    const { data, error, response } = await api.GET('/v1/billing/runs/{runId}/claims', {
      params: { path: { runId }, query: { format } },
      parseAs: 'blob',
    });
    if (error || !data) return onError(new Error(`The export failed (${response.status})`));
    saveFile(data, `claims-${shown}.${format === 'fhir' ? 'fhir.json' : format}`);
  };

  return (
    <>
      <h1>Billing</h1>
      <form onSubmit={show} className="inline-form">
        <label htmlFor="month">Month</label>
        <input id="month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
        <button type="submit">Show</button>
      </form>
      {run === undefined && <p aria-live="polite">Loading {shown}…</p>}
      {run === null && (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading">{shown}: not run yet</h2>
          {can('billing:write') && (
            <button type="button" onClick={startRun} disabled={busy}>
              Run billing for {shown}
            </button>
          )}
        </section>
      )}
      {run && (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading">
            {run.month}: run {run.status}
          </h2>
          {run.status === 'running' && (
            <p aria-live="polite">
              Attempt {run.attempt} is running: {run.processedPatientMonths} patient-months decided so far.
              This page shows its summary when it completes.
            </p>
          )}
          {run.totals && (
            <p>
              {run.totals.billedPatients} of {run.totals.patientMonths} patients billed,{' '}
              {run.totals.claimLines} claim lines, expected ${run.totals.expectedRevenue}
            </p>
          )}
          {summary && (
            <>
              <h3>Lines per code</h3>
              {summary.codes.length === 0 ? (
                <p>No claim lines this month.</p>
              ) : (
                <div className="chart">
                  <CodesChart codes={summary.codes} />
                </div>
              )}
              <table>
                <caption>
                  Expected revenue ${summary.expectedRevenue} ({summary.fees.year} fee schedule,{' '}
                  {summary.fees.locality ?? 'national rates'})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Patients</th>
                    <th scope="col">Units</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.codes.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.code}</th>
                      <td>{c.patients}</td>
                      <td>{c.units}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>Not billed</h3>
              {summary.notBilled.length === 0 ? (
                <p>Every patient of the month was billed.</p>
              ) : (
                <ul>
                  {summary.notBilled.map((group) => (
                    <li key={group.reason}>
                      {group.reason}: {group.patientIds.length} patient
                      {group.patientIds.length === 1 ? '' : 's'}
                    </li>
                  ))}
                </ul>
              )}
              <AuditPackets key={run.runId} api={api} runId={run.runId} onError={onError} />
              <h3>Exports</h3>
              <div className="actions">
                <button type="button" onClick={() => exportAs(run.runId, 'csv').catch(onError)}>
                  Download CSV
                </button>
                <button type="button" onClick={() => exportAs(run.runId, 'fhir').catch(onError)}>
                  Download FHIR
                </button>
                <button type="button" onClick={() => exportAs(run.runId, 'x12').catch(onError)}>
                  Download X12 837P
                </button>
                {can('billing:write') && run.status === 'completed' && (
                  <button type="button" onClick={() => finalize(run.runId)} disabled={busy}>
                    Finalize {run.month}
                  </button>
                )}
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
