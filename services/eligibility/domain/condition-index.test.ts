import { describe, expect, it } from 'vitest';
import {
  CHRONIC_CONDITION_PREFIXES,
  CONDITION_CATEGORIES,
  type ConditionCategoryId,
} from './chronic-conditions.data';
import { acuteEventOf, conditionCategoriesOf, distinctConditionCategories } from './condition-index';
import { InvalidDiagnosisCodeError } from './icd10';

const ids = (code: string) => conditionCategoriesOf(code).map((category) => category.id);

describe('conditionCategoriesOf', () => {
  it.each<[string, ConditionCategoryId[]]>([
    ['E11.9', ['diabetes']],
    ['E119', ['diabetes']],
    ['e11.9', ['diabetes']],
    ['E11.22', ['diabetes', 'chronic-kidney-disease']],
    ['I10', ['hypertension']],
    ['I11.9', ['hypertension']],
    ['I11.0', ['hypertension', 'heart-failure']],
    ['I13.0', ['hypertension', 'heart-failure', 'chronic-kidney-disease']],
    ['I50.22', ['heart-failure']],
    ['J44.1', ['copd']],
    ['J45.909', ['asthma']],
    ['N18.4', ['chronic-kidney-disease']],
    ['I25.10', ['ischemic-heart-disease']],
    ['I48.91', ['atrial-fibrillation']],
    ['E78.5', ['hyperlipidemia']],
    ['F33.1', ['depression']],
    ['F41.1', ['anxiety']],
    ['G30.9', ['dementia']],
    ['M17.11', ['rheumatoid-arthritis-osteoarthritis']],
    ['M81.0', ['osteoporosis']],
    ['C50.911', ['cancer-breast']],
    ['C18.7', ['cancer-colorectal']],
    ['C34.90', ['cancer-lung']],
    ['C61', ['cancer-prostate']],
    ['I63.9', ['stroke-tia']],
    ['G45.9', ['stroke-tia']],
  ])('maps %s to %j', (code, expected) => {
    expect(ids(code)).toEqual(expected);
  });

  it.each([
    ['G45.4', 'transient global amnesia is excluded from stroke/TIA'],
    ['E78.6', 'lipoprotein deficiency is not hyperlipidemia'],
    ['J06.9', 'acute upper respiratory infection'],
    ['S72.001A', 'hip fracture is acute, not chronic'],
  ])('maps %s to no category (%s)', (code) => {
    expect(ids(code)).toEqual([]);
  });

  it('rejects malformed codes instead of treating them as unmatched', () => {
    expect(() => conditionCategoriesOf('E11-9')).toThrow(InvalidDiagnosisCodeError);
  });
});

describe('distinctConditionCategories', () => {
  it('counts two codes of the same category once', () => {
    expect(distinctConditionCategories(['E11.9', 'E11.65', 'E10.9']).map((c) => c.id)).toEqual(['diabetes']);
  });

  it('keeps first-seen order across categories', () => {
    expect(distinctConditionCategories(['I10', 'E11.9', 'I10']).map((c) => c.id)).toEqual([
      'hypertension',
      'diabetes',
    ]);
  });
});

describe('chronic condition data', () => {
  it('maps every category from at least one prefix', () => {
    const used = new Set(CHRONIC_CONDITION_PREFIXES.flatMap(([, categories]) => categories));
    expect([...used].sort()).toEqual(Object.keys(CONDITION_CATEGORIES).sort());
  });

  it('uses dot-free upper-case prefixes of ICD-10-CM shape', () => {
    for (const [prefix] of CHRONIC_CONDITION_PREFIXES)
      expect(prefix).toMatch(/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/);
  });

  it('gives every CCM category an expected duration of at least 12 months', () => {
    for (const category of Object.values(CONDITION_CATEGORIES)) {
      expect(category.expectedDurationMonths).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('acuteEventOf', () => {
  it.each([
    ['I63.9', 'stroke'],
    ['I21.4', 'myocardial-infarction'],
    ['S72.001A', 'hip-fracture'],
    ['S72.3', undefined],
    ['E11.9', undefined],
  ])('maps %s to %s', (code, expected) => {
    expect(acuteEventOf(code)).toBe(expected);
  });
});
