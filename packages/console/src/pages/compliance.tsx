import { type FormEvent, useState } from 'react';
import type { components } from '../api-types';
import { type ApiClient, problemTitle } from '../client';

type AccessRecord = components['schemas']['AccessRecord'];

/** `/compliance`: who read or changed a patient's record, or everything a person did, newest first. */
export function CompliancePage({ api, onError }: { api: ApiClient; onError: (e: unknown) => void }) {
  const [by, setBy] = useState<'patientId' | 'subject'>('patientId');
  const [value, setValue] = useState('');
  const [records, setRecords] = useState<AccessRecord[]>();
  const [cursor, setCursor] = useState<string>();
  const [problem, setProblem] = useState('');

  const fetchPage = async (after: string | undefined) => {
    setProblem('');
    const query = { [by]: value.trim(), limit: 50, ...(after ? { cursor: after } : {}) };
    const { data, error } = await api.GET('/v1/audit', { params: { query } });
    if (error) return setProblem(problemTitle(error));
    setRecords((before) => [...(after ? (before ?? []) : []), ...(data.items as AccessRecord[])]);
    setCursor(data.nextCursor);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    fetchPage(undefined).catch(onError);
  };

  return (
    <>
      <h1>Compliance</h1>
      <form onSubmit={search} className="inline-form">
        <label htmlFor="audit-by">Search by</label>
        <select id="audit-by" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
          <option value="patientId">Patient id</option>
          <option value="subject">Person</option>
        </select>
        <label htmlFor="audit-value">{by === 'patientId' ? 'Patient id' : 'Person'}</label>
        <input id="audit-value" value={value} onChange={(e) => setValue(e.target.value)} required />
        <button type="submit">Show access log</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {records && (
        <table>
          <caption>
            {records.length} access{records.length === 1 ? '' : 'es'}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">What</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.eventId}>
                <td>
                  <time dateTime={record.at}>{new Date(record.at).toLocaleString()}</time>
                </td>
                <td>{record.subject}</td>
                <td>{record.role}</td>
                <td>
                  {record.method} {record.routeTemplate}
                </td>
                <td>{record.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => fetchPage(cursor).catch(onError)}>
          Show more
        </button>
      )}
    </>
  );
}
