import { describe, expect, it } from 'vitest';
import { loadStage } from './stages';

describe('loadStage', () => {
  it('defaults to dev, which does not retain data', () => {
    expect(loadStage(undefined)).toMatchObject({ name: 'dev', retainData: false });
    expect(loadStage(undefined).account).toBeUndefined();
  });

  it('retains data in prod and keeps its logs six years', () => {
    expect(loadStage('prod')).toMatchObject({ retainData: true, logRetentionDays: 2192 });
  });

  it('takes the account and region from the caller and validates them', () => {
    expect(loadStage('prod', { account: '123456789012', region: 'us-west-2' })).toMatchObject({
      account: '123456789012',
      region: 'us-west-2',
    });
    expect(() => loadStage('prod', { account: '1234' })).toThrow(/12 digits/);
    expect(() => loadStage('prod', { region: 'mars' })).toThrow(/region/);
  });

  it('rejects unknown stages', () => {
    expect(() => loadStage('staging')).toThrow(/unknown stage "staging"/);
  });
});
