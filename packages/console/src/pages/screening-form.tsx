import { type FormEvent, useState } from 'react';
import { problemTitle } from '../client';
import { CodeSelect } from '../code-select';
import { SubmitRow, useFormOutcome } from '../form-outcome';
import type { PatientSectionProps } from './patient-section';

const instruments = { 'phq-9': 9, 'gad-7': 7 } as const;
type Instrument = keyof typeof instruments;
const frequency = ['0', '1', '2', '3'] as const;
const frequencyLabel: Record<(typeof frequency)[number], string> = {
  '0': 'Not at all',
  '1': 'Several days',
  '2': 'More than half the days',
  '3': 'Nearly every day',
};

/** A PHQ-9 or GAD-7 as the patient answered it (over the last two weeks), scored by the API. */
export function ScreeningForm({ api, patientId, onError, onChanged }: PatientSectionProps) {
  const [instrument, setInstrument] = useState<Instrument>('phq-9');
  const [answers, setAnswers] = useState<(typeof frequency)[number][]>(Array(9).fill('0'));
  const outcome = useFormOutcome();
  const choose = (next: Instrument) => {
    setInstrument(next);
    setAnswers(Array(instruments[next]).fill('0'));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.begin();
    const { data, error } = await api.POST('/v1/patients/{patientId}/screenings', {
      params: { path: { patientId }, header: { 'idempotency-key': crypto.randomUUID() } },
      body: { instrument, answers: answers.map(Number) },
    });
    if (error) return outcome.failed(problemTitle(error));
    onChanged();
    const flags = data.riskFlags.length > 0 ? `; ${data.riskFlags.length} risk flag(s) raised` : '';
    outcome.succeeded(`${instrument.toUpperCase()} scored ${data.score} (${data.band})${flags}.`);
  };
  return (
    <section aria-labelledby="screening-heading">
      <h2 id="screening-heading">Screening</h2>
      <form onSubmit={(e) => submit(e).catch(onError)} className="stacked-form">
        <CodeSelect
          id="screening-instrument"
          label="Instrument"
          value={instrument}
          options={Object.keys(instruments) as Instrument[]}
          onChange={choose}
          show={(code) => code.toUpperCase()}
        />
        {answers.map((answer, index) => (
          <CodeSelect
            key={`question-${index + 1}`}
            id={`screening-item-${index + 1}`}
            label={`Question ${index + 1}`}
            value={answer}
            options={frequency}
            onChange={(value) => setAnswers(answers.map((a, i) => (i === index ? value : a)))}
            show={(code) => `${code}: ${frequencyLabel[code]}`}
          />
        ))}
        <SubmitRow label="Score screening" status={outcome.status} problem={outcome.problem} />
      </form>
    </section>
  );
}
