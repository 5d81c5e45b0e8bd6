import { describe, expect, it } from 'vitest';
import { type AlertState, acknowledgeAlert, resolveAlert } from './alerts';
import { AlertTransitionError } from './errors';

const open: AlertState = { status: 'open' };
const by = (who: string, at = '2026-10-11T09:05:00Z') => ({ by: who, at });

describe('alert lifecycle', () => {
  it('acknowledges an open item, naming the person', () => {
    expect(acknowledgeAlert(open, by('nurse-1'))).toEqual({
      status: 'acknowledged',
      acknowledged: by('nurse-1'),
    });
  });

  it('resolves an acknowledged item and keeps who acknowledged it', () => {
    const acknowledged = acknowledgeAlert(open, by('nurse-1'));
    const resolved = resolveAlert(acknowledged, {
      ...by('nurse-2', '2026-10-11T10:00:00Z'),
      resolution: 'false-alarm',
    });
    expect(resolved).toEqual({
      status: 'resolved',
      acknowledged: by('nurse-1'),
      resolved: { ...by('nurse-2', '2026-10-11T10:00:00Z'), resolution: 'false-alarm' },
    });
  });

  it('resolving an open item acknowledges it in the same step', () => {
    const resolved = resolveAlert(open, { ...by('nurse-1'), resolution: 'patient-reached' });
    expect(resolved.acknowledged).toEqual(by('nurse-1'));
  });

  it('refuses steps the status does not allow', () => {
    const acknowledged = acknowledgeAlert(open, by('nurse-1'));
    const resolved = resolveAlert(acknowledged, { ...by('nurse-1'), resolution: 'duplicate' });
    expect(() => acknowledgeAlert(acknowledged, by('nurse-2'))).toThrow(AlertTransitionError);
    expect(() => acknowledgeAlert(resolved, by('nurse-2'))).toThrow(AlertTransitionError);
    expect(() => resolveAlert(resolved, { ...by('nurse-2'), resolution: 'duplicate' })).toThrow(
      /resolved and cannot become resolved/,
    );
  });
});
