import { performerOf } from '@carelink/contracts/directory/performer';
import { type FormEvent, useEffect, useState } from 'react';
import type { components } from '../api-types';
import { session } from '../auth';
import { problemTitle } from '../client';
import { CodeSelect } from '../code-select';
import { registerDraft, takeDraft } from '../drafts';
import { SubmitRow, useFormOutcome } from '../form-outcome';
import type { PatientSectionProps } from './patient-section';

type TimeEntry = components['schemas']['OutreachTimeEntryRequest'];
const programs = [
  'ccm',
  'pcm',
  'tcm',
  'bhi',
  'rpm',
  'case-management',
] as const satisfies readonly TimeEntry['program'][];
const activities = [
  'care-coordination',
  'medication-management',
  'care-plan-review',
  'care-plan-development',
  'patient-communication',
  'caregiver-communication',
  'referral-management',
  'screening',
  'remote-monitoring-review',
  'other',
] as const satisfies readonly TimeEntry['activity'][];

const _label = (code: string) => code.replaceAll('-', ' ');

/** Logs the signed-in person's time on the patient, with a running timer or typed minutes. */
export function TimeLogger({ api, patientId, onError, onChanged }: PatientSectionProps) {
  const draftId = `time-note:${patientId}`;
  const [program, setProgram] = useState<TimeEntry['program']>('ccm');
  const [activity, setActivity] = useState<TimeEntry['activity']>('care-coordination');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState(() => takeDraft(draftId));
  const [timerStart, setTimerStart] = useState<number>();
  const [now, setNow] = useState(Date.now());
  const outcome = useFormOutcome();
  useEffect(() => registerDraft(draftId, () => note), [draftId, note]);
  useEffect(() => {
    if (timerStart === undefined) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [timerStart]);

  const { staffId, credential } = session();
  const performer = performerOf(credential ?? '');
  if (!staffId || !performer) return null;
  const running = timerStart !== undefined && minutes === '';
  const elapsed = timerStart === undefined ? 0 : Math.floor((now - timerStart) / 1000);
  const stop = () => setMinutes(String(Math.max(1, Math.ceil(elapsed / 60))));
  const startTimer = () => {
    setMinutes('');
    setTimerStart(Date.now());
    setNow(Date.now());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.begin();
    const count = Number(minutes);
    // An entry may not end in the future: a timer stopped early (or minutes rounded up) starts earlier.
    const start = Math.min(timerStart ?? Number.POSITIVE_INFINITY, Date.now() - count * 60_000);
    const startedAt = new Date(start).toISOString().replace(/\.\d+Z$/, 'Z');
    try {
      const { error } = await api.POST('/v1/patients/{patientId}/time-entries', {
        params: { path: { patientId }, header: { 'idempotency-key': crypto.randomUUID() } },
        body: {
          program,
          activity,
          minutes: count,
          startedAt,
          performer,
          practitionerId: staffId,
          ...(note ? { note } : {}),
        },
      });
      if (error) return outcome.failed(problemTitle(error));
      onChanged();
      outcome.succeeded(`Logged ${count} minute${count === 1 ? '' : 's'} of ${program.toUpperCase()} time.`);
      setMinutes('');
      setNote('');
      setTimerStart(undefined);
    } catch (cause) {
      onError(cause);
    }
  };

  return (
    <section aria-labelledby="time-heading">
      <h2 id="time-heading">Log time</h2>
      <form onSubmit={submit} className="stacked-form">
        <CodeSelect
          id="time-program"
          label="Program"
          value={program}
          options={programs}
          onChange={setProgram}
          show={(code) => code.toUpperCase()}
        />
        <CodeSelect
          id="time-activity"
          label="Activity"
          value={activity}
          options={activities}
          onChange={setActivity}
        />
        <div className="actions">
          {running ? (
            <button type="button" onClick={stop}>
              Stop timer ({Math.floor(elapsed / 60)}:{String(elapsed % 60).padStart(2, '0')})
            </button>
          ) : (
            <button type="button" onClick={startTimer}>
              Start timer
            </button>
          )}
        </div>
        <label htmlFor="time-minutes">Minutes</label>
        <input
          id="time-minutes"
          type="number"
          min={1}
          max={240}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          required
        />
        <label htmlFor="time-note">Note</label>
        <textarea
          id="time-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
        />
        <SubmitRow label="Log time" status={outcome.status} problem={outcome.problem} />
      </form>
    </section>
  );
}
