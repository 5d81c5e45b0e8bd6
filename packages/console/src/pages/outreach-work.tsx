import { taskOutcomes } from '@carelink/contracts/code-lists';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { components } from '../api-types';
import { problemTitle } from '../client';
import { CodeSelect } from '../code-select';
import type { PatientSectionProps } from './patient-section';

type Task = components['schemas']['OutreachTask'];
type Outcome = components['schemas']['OutreachCompleteTaskRequest']['outcome'];
type Attempt = components['schemas']['OutreachContactAttemptRequest'];
const outcomes = taskOutcomes satisfies readonly Outcome[];
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
export function OutreachWork({ api, patientId, onError, onChanged }: PatientSectionProps) {
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
                <CodeSelect
                  id={`outcome-${task.taskId}`}
                  label="Outcome"
                  value={outcomeOf[task.taskId] ?? 'done'}
                  options={outcomes}
                  onChange={(outcome) => setOutcomeOf({ ...outcomeOf, [task.taskId]: outcome })}
                />
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
        <CodeSelect
          id="attempt-channel"
          label="Channel"
          value={channel}
          options={channels}
          onChange={setChannel}
        />
        <CodeSelect
          id="attempt-outcome"
          label="Result"
          value={attemptOutcome}
          options={attemptOutcomes}
          onChange={setAttemptOutcome}
        />
        <button type="submit">Record attempt</button>
      </form>
    </section>
  );
}
