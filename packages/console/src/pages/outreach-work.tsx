import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { components } from '../api-types';
import { type ApiClient, problemTitle } from '../client';

type Task = components['schemas']['OutreachTask'];
type Outcome = components['schemas']['OutreachCompleteTaskRequest']['outcome'];
type Attempt = components['schemas']['OutreachContactAttemptRequest'];
const outcomes = [
  'done',
  'patient-reached',
  'scheduled',
  'information-given',
  'refill-requested',
  'transport-arranged',
  'not-needed',
] as const satisfies readonly Outcome[];
const channels = ['phone', 'video', 'sms'] as const satisfies readonly Attempt['channel'][];
const attemptOutcomes = [
  'reached',
  'voicemail',
  'no-answer',
  'wrong-number',
  'declined',
] as const satisfies readonly Attempt['outcome'][];

const label = (code: string) => code.replaceAll('-', ' ');
const newKey = () => ({ 'idempotency-key': crypto.randomUUID() });

/** The patient's open outreach tasks, completed with a coded outcome, and contact attempts as they happen. */
export function OutreachWork({
  api,
  patientId,
  onError,
  onChanged,
}: {
  api: ApiClient;
  patientId: string;
  onError: (e: unknown) => void;
  /** Called after a change the timeline will show. */
  onChanged: () => void;
}) {
  const [tasks, setTasks] = useState<Task[]>();
  const [outcomeOf, setOutcomeOf] = useState<Record<string, Outcome>>({});
  const [channel, setChannel] = useState<Attempt['channel']>('phone');
  const [attemptOutcome, setAttemptOutcome] = useState<Attempt['outcome']>('reached');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/v1/patients/{patientId}/tasks', {
      params: { path: { patientId }, query: { status: 'open' } },
    });
    if (error) return setProblem(problemTitle(error));
    setTasks(data.items as Task[]);
  }, [api, patientId]);
  useEffect(() => {
    load().catch(onError);
  }, [load, onError]);

  const complete = async (taskId: string) => {
    setProblem('');
    const { error } = await api.POST('/v1/patients/{patientId}/tasks/{taskId}/complete', {
      params: { path: { patientId, taskId }, header: newKey() },
      body: { outcome: outcomeOf[taskId] ?? 'done' },
    });
    if (error) setProblem(problemTitle(error));
    else {
      setStatus('Task completed.');
      onChanged();
    }
    await load();
  };
  const logAttempt = async (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    const { data, error } = await api.POST('/v1/patients/{patientId}/contact-attempts', {
      params: { path: { patientId }, header: newKey() },
      body: { channel, outcome: attemptOutcome },
    });
    if (error) return setProblem(problemTitle(error));
    onChanged();
    setStatus(
      `Contact attempt recorded (${label(data.outcome)})${data.escalated ? '; escalated to the primary' : ''}.`,
    );
    await load();
  };

  if (!tasks) return null;
  return (
    <section aria-labelledby="outreach-heading">
      <h2 id="outreach-heading">Outreach</h2>
      {problem && <p role="alert">{problem}</p>}
      <p role="status">{status}</p>
      <h3>Open tasks</h3>
      {tasks.length === 0 ? (
        <p>No open tasks.</p>
      ) : (
        <ul className="items">
          {tasks.map((task) => (
            <li key={task.taskId}>
              {label(task.kind)}, due{' '}
              <time dateTime={task.dueAt}>{new Date(task.dueAt).toLocaleDateString()}</time>
              <div className="actions">
                <label htmlFor={`outcome-${task.taskId}`}>Outcome</label>
                <select
                  id={`outcome-${task.taskId}`}
                  value={outcomeOf[task.taskId] ?? 'done'}
                  onChange={(e) => setOutcomeOf({ ...outcomeOf, [task.taskId]: e.target.value as Outcome })}
                >
                  {outcomes.map((o) => (
                    <option key={o} value={o}>
                      {label(o)}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => complete(task.taskId).catch(onError)}>
                  Complete {label(task.kind)}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3>Contact attempt</h3>
      <form onSubmit={(e) => logAttempt(e).catch(onError)} className="inline-form">
        <label htmlFor="attempt-channel">Channel</label>
        <select
          id="attempt-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as Attempt['channel'])}
        >
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <label htmlFor="attempt-outcome">Result</label>
        <select
          id="attempt-outcome"
          value={attemptOutcome}
          onChange={(e) => setAttemptOutcome(e.target.value as Attempt['outcome'])}
        >
          {attemptOutcomes.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
        <button type="submit">Record attempt</button>
      </form>
    </section>
  );
}
