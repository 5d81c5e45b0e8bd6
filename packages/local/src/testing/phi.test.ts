import { describe, expect, it } from 'vitest';
import { phiFoundIn } from './phi';

describe('phiFoundIn', () => {
  it('finds each value a text carries, and only those', () => {
    const text = JSON.stringify({ name: 'Maria Lopez', note: 'CHF follow-up', born: '1951-04-12' });
    expect(phiFoundIn(text, ['Lopez', 'CHF', 'Beacon', '1951'])).toEqual(['Lopez', 'CHF', '1951']);
  });

  it('does not take a value spelled by chance inside an id for a leak', () => {
    const text = JSON.stringify({
      referralId: '01M90QBX0CHFHRWS0F0GBRTWSV',
      url: '/v1/r/01M90QBX0D1951S0F0GBRTWSVX',
    });
    expect(phiFoundIn(text, ['CHF', '1951'])).toEqual([]);
    expect(phiFoundIn(`${text} CHF`, ['CHF'])).toEqual(['CHF']);
  });
});
