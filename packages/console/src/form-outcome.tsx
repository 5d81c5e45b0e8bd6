import { useState } from 'react';

/** What became of a form's last submission: a status to announce, or a problem to show. */
export function useFormOutcome() {
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  return {
    status,
    problem,
    /** Clears the last outcome as a new submission starts. */
    begin: () => {
      setStatus('');
      setProblem('');
    },
    succeeded: setStatus,
    failed: setProblem,
  };
}

/** A form's submit button, then its outcome: a polite status and, when it failed, an alert. */
export function SubmitRow({ label, status, problem }: { label: string; status: string; problem: string }) {
  return (
    <>
      <div className="actions">
        <button type="submit">{label}</button>
      </div>
      <p role="status">{status}</p>
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}
