import { useCallback, useMemo, useState } from 'react';
import { beginSignIn, type ConsoleConfig, can, signOut } from './auth';
import { apiClient, SignedOut } from './client';
import { keepDrafts } from './drafts';
import { Link } from './link';
import { BillingPage } from './pages/billing';
import { CarePlanPage } from './pages/care-plan/care-plan-page';
import { CompliancePage } from './pages/compliance';
import { PatientPage } from './pages/patient';
import { WorklistPage } from './pages/worklist';
import { routeOf, usePath } from './router';

/** The signed-in console: header with sign-out, the page of the current path, and errors. */
export function App({ config }: { config: ConsoleConfig }) {
  const api = useMemo(() => apiClient(config), [config]);
  const path = usePath();
  const route = routeOf(path);
  const [error, setError] = useState<string>();
  const onError = useCallback(
    (cause: unknown) => {
      // An expired session returns to sign-in, and then to this page.
      if (cause instanceof SignedOut) {
        keepDrafts();
        return void beginSignIn(config, window.location.pathname);
      }
      setError(cause instanceof Error ? cause.message : String(cause));
    },
    [config],
  );
  const leave = () => signOut(config);
  // Where `/` takes a person: their own work first, else the screen their role is for.
  const home = can('outreach:read') ? 'worklist' : can('billing:read') ? 'billing' : 'compliance';
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          {can('outreach:read') && <Link to="/">Worklist</Link>}
          {can('billing:read') && <Link to="/billing">Billing</Link>}
          {can('audit:read') && <Link to="/compliance">Compliance</Link>}
        </nav>
        <button type="button" onClick={leave}>
          Sign out
        </button>
      </header>
      <main id="main">
        {error && <p role="alert">{error}</p>}
        {route.page === 'worklist' && home === 'worklist' && <WorklistPage api={api} onError={onError} />}
        {route.page === 'worklist' && home === 'billing' && <BillingPage api={api} onError={onError} />}
        {route.page === 'worklist' && home === 'compliance' && <CompliancePage api={api} onError={onError} />}
        {route.page === 'billing' && <BillingPage api={api} onError={onError} />}
        {route.page === 'compliance' && <CompliancePage api={api} onError={onError} />}
        {route.page === 'patient' && <PatientPage api={api} patientId={route.patientId} onError={onError} />}
        {route.page === 'care-plan' && (
          <CarePlanPage api={api} patientId={route.patientId} caseId={route.caseId} onError={onError} />
        )}
        {route.page === 'not-found' && (
          <>
            <h1>Page not found</h1>
            <p>
              <Link to="/">Back to the worklist</Link>
            </p>
          </>
        )}
      </main>
    </>
  );
}
