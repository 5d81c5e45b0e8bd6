import { describe, expect, it } from 'vitest';
import { accessLogEntryOf, recordKindOf } from './access-log';

const access = {
  role: 'care-manager',
  practiceId: 'practice-boston',
  service: 'outreach',
  method: 'GET',
  routeTemplate: '/v1/patients/{patientId}/time-entries',
  status: 200,
  at: '2026-10-20T15:04:05.000Z',
};

describe('partner access log', () => {
  it('names the record kind by its collection, not by the step taken on it', () => {
    expect(recordKindOf('outreach', '/v1/patients/{patientId}/time-entries')).toBe('outreach/time-entries');
    expect(recordKindOf('outreach', '/v1/patients/{patientId}/risk-flags/{flagId}/resolve')).toBe(
      'outreach/risk-flags',
    );
    expect(recordKindOf('care-planning', '/v1/cases/{caseId}/care-plan')).toBe('care-planning/care-plan');
    expect(recordKindOf('care-planning', '/v1/cases/{caseId}')).toBe('care-planning/cases');
  });

  it('keeps organisation, role, record and action, and nothing of the person', () => {
    const entry = accessLogEntryOf('acme-health', {
      ...access,
      subject: 'staff-boston-care-manager',
    } as typeof access);
    expect(entry).toEqual({
      at: access.at,
      organisation: 'acme-health',
      practiceId: 'practice-boston',
      role: 'care-manager',
      record: 'outreach/time-entries',
      action: 'read',
    });
    expect(JSON.stringify(entry)).not.toContain('staff-boston');
  });

  it('calls a step on a record an update and a write by its method', () => {
    const step = {
      ...access,
      method: 'POST',
      routeTemplate: '/v1/patients/{patientId}/risk-flags/{flagId}/resolve',
    };
    expect(accessLogEntryOf('acme-health', step)?.action).toBe('update');
    expect(accessLogEntryOf('acme-health', { ...access, method: 'POST' })?.action).toBe('create');
    expect(accessLogEntryOf('acme-health', { ...access, method: 'PUT' })?.action).toBe('update');
  });

  it('leaves out refused requests', () => {
    expect(accessLogEntryOf('acme-health', { ...access, status: 404 })).toBeUndefined();
    expect(accessLogEntryOf('acme-health', { ...access, status: 403 })).toBeUndefined();
  });
});
