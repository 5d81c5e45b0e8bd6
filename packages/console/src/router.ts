import { useEffect, useState } from 'react';

/** The console's few routes, matched on the path; navigation keeps the in-memory session. */
export type Route =
  | { page: 'worklist' }
  | { page: 'patient'; patientId: string }
  | { page: 'care-plan'; patientId: string; caseId: string }
  | { page: 'billing' }
  | { page: 'compliance' }
  | { page: 'not-found' };

export function routeOf(path: string): Route {
  if (path === '/' || path === '') return { page: 'worklist' };
  if (path === '/billing') return { page: 'billing' };
  if (path === '/compliance') return { page: 'compliance' };
  const carePlan = /^\/patients\/([0-9A-HJKMNP-TV-Z]{26})\/cases\/([0-9A-HJKMNP-TV-Z]{26})\/care-plan$/.exec(
    path,
  );
  if (carePlan?.[1] && carePlan[2]) return { page: 'care-plan', patientId: carePlan[1], caseId: carePlan[2] };
  const patient = /^\/patients\/([0-9A-HJKMNP-TV-Z]{26})$/.exec(path);
  if (patient?.[1]) return { page: 'patient', patientId: patient[1] };
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}
