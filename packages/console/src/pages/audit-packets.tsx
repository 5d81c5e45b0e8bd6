import { useState } from 'react';
import type { components } from '../api-types';
import { type ApiClient, problemTitle } from '../client';

type Packet = components['schemas']['BillingAuditPacket'];

/** The run's audit packets: per patient, what was billed or why not, with the facts that decided it. */
export function AuditPackets({
  api,
  runId,
  onError,
}: {
  api: ApiClient;
  runId: string;
  onError: (e: unknown) => void;
}) {
  const [packets, setPackets] = useState<Packet[]>();
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState('');
  const load = async (after: string | undefined) => {
    const { data, error } = await api.GET('/v1/billing/runs/{runId}/audit', {
      params: { path: { runId }, query: { limit: 50, ...(after ? { cursor: after } : {}) } },
    });
    if (error) return setProblem(problemTitle(error));
    setPackets((before) => [...(after ? (before ?? []) : []), ...(data.items as Packet[])]);
    setCursor(data.nextCursor);
  };
  return (
    <>
      <h3>Audit packets</h3>
      {problem && <p role="alert">{problem}</p>}
      {!packets ? (
        <button type="button" onClick={() => load(undefined).catch(onError)}>
          Show audit packets
        </button>
      ) : (
        <table>
          <caption>What each patient-month billed, or why not</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Lines</th>
              <th scope="col">Reasons</th>
              <th scope="col">Counted minutes</th>
              <th scope="col">Consent</th>
              <th scope="col">Care plan</th>
            </tr>
          </thead>
          <tbody>
            {packets.map((packet) => (
              <tr key={packet.patientId}>
                <th scope="row">{packet.patientId}</th>
                <td>{packet.lines.map((l) => `${l.code} ×${l.units}`).join(', ') || 'none'}</td>
                <td>{packet.reasons.join(', ') || '-'}</td>
                <td>{packet.countedEntries.reduce((sum, e) => sum + e.minutes, 0)}</td>
                <td>
                  {packet.consent
                    ? `${packet.consent.program}, ${packet.consent.obtainedAt.slice(0, 10)}`
                    : 'none'}
                </td>
                <td>{packet.carePlan ? `version ${packet.carePlan.version}` : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => load(cursor).catch(onError)}>
          More audit packets
        </button>
      )}
    </>
  );
}
