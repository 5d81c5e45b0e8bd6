import type { Program } from './program';
import { type StaffMember, spareCapacity } from './roster';

/** What the case needs from its primary case manager. */
export interface PrimaryNeed {
  program: Program;
  /** BCP 47 tag of the patient's preferred language. */
  language?: string;
  skills: string[];
  /** When given, only staff of this practice are considered. */
  practiceId?: string;
}

/** Stable codes of the reasons given for a choice. */
export type AssignmentReasonCode =
  | 'candidates-considered'
  | 'language-match'
  | 'language-partial-match'
  | 'language-no-match'
  | 'skills-matched'
  | 'spare-capacity'
  | 'decided-by';

/** One reason behind a choice; details hold staff ids and counts only. */
export interface AssignmentReason {
  code: AssignmentReasonCode;
  detail: string;
}

/** Why nobody could be chosen. */
export type NoPrimaryReason = 'no-candidates' | 'no-active-care-manager' | 'no-spare-capacity';

/** Result of {@link choosePrimary}. */
export type PrimaryChoice = { staffId: string; explanation: AssignmentReason[] } | { none: NoPrimaryReason };

type Criterion = 'language' | 'skills' | 'capacity' | 'staff-id';

interface Ranked {
  member: StaffMember;
  /** 2 = exact tag, 1 = same primary language, 0 = none or not requested. */
  language: number;
  matchedSkills: string[];
  spare: number;
}

const normalise = (value: string): string => value.trim().toLowerCase();
const primarySubtag = (tag: string): string => normalise(tag).split('-')[0] ?? '';

const languageScore = (member: StaffMember, wanted: string | undefined): number => {
  if (wanted === undefined) return 0;
  const spoken = member.languages.map(normalise);
  if (spoken.includes(normalise(wanted))) return 2;
  return spoken.some((tag) => primarySubtag(tag) === primarySubtag(wanted)) ? 1 : 0;
};

const wantedSkills = (need: PrimaryNeed): string[] => [
  ...new Set([need.program, ...need.skills].map(normalise).filter((skill) => skill.length > 0)),
];

/** Compares spare/capacity ratios exactly (cross-multiplied) so floating point cannot reorder ties. */
const compareRatio = (a: Ranked, b: Ranked): number =>
  b.spare * a.member.capacity - a.spare * b.member.capacity;

const comparators: ReadonlyArray<[Criterion, (a: Ranked, b: Ranked) => number]> = [
  ['language', (a, b) => b.language - a.language],
  ['skills', (a, b) => b.matchedSkills.length - a.matchedSkills.length],
  ['capacity', compareRatio],
  // Code-unit order, not locale order, so every runtime picks the same person.
  [
    'staff-id',
    (a, b) => (a.member.staffId < b.member.staffId ? -1 : a.member.staffId > b.member.staffId ? 1 : 0),
  ],
];

const compare = (a: Ranked, b: Ranked): number => {
  for (const [, fn] of comparators) {
    const result = fn(a, b);
    if (result !== 0) return result;
  }
  return 0;
};

const decidingCriterion = (winner: Ranked, runnerUp: Ranked): Criterion => {
  for (const [criterion, fn] of comparators) {
    if (fn(winner, runnerUp) !== 0) return criterion;
  }
  return 'staff-id';
};

const percent = (spare: number, capacity: number): number => Math.round((spare / capacity) * 100);

const languageReason = (ranked: Ranked, wanted: string | undefined): AssignmentReason | undefined => {
  if (wanted === undefined) return undefined;
  if (ranked.language === 2) return { code: 'language-match', detail: `speaks ${wanted}` };
  if (ranked.language === 1)
    return { code: 'language-partial-match', detail: `speaks a variant of ${wanted}` };
  return { code: 'language-no-match', detail: `no eligible care manager speaks ${wanted}` };
};

/**
 * Picks the primary case manager for a case, deterministically and with reasons.
 *
 * Only active care managers with spare capacity qualify. Among them: a language match wins
 * (exact tag over same primary language), then the most matched skills (the program counts as
 * a skill), then the highest spare-capacity ratio, then the lowest staff id. The result is the
 * same whatever order the candidates arrive in.
 */
export const choosePrimary = (candidates: readonly StaffMember[], need: PrimaryNeed): PrimaryChoice => {
  if (candidates.length === 0) return { none: 'no-candidates' };

  const inPractice = candidates.filter(
    (m) => need.practiceId === undefined || m.practiceId === need.practiceId,
  );
  const careManagers = inPractice.filter((m) => m.active && m.role === 'care-manager');
  const eligible = careManagers.filter((m) => spareCapacity(m) > 0);
  if (careManagers.length === 0) return { none: 'no-active-care-manager' };
  if (eligible.length === 0) return { none: 'no-spare-capacity' };

  const skills = wantedSkills(need);
  const ranked = eligible
    .map((member): Ranked => {
      const theirs = new Set(member.skills.map(normalise));
      return {
        member,
        language: languageScore(member, need.language),
        matchedSkills: skills.filter((skill) => theirs.has(skill)),
        spare: spareCapacity(member),
      };
    })
    .sort(compare);

  const [winner, runnerUp] = ranked as [Ranked, ...Ranked[]];
  const excluded = {
    otherPractice: candidates.length - inPractice.length,
    notActiveCareManager: inPractice.length - careManagers.length,
    atCapacity: careManagers.length - eligible.length,
  };

  const explanation: AssignmentReason[] = [
    {
      code: 'candidates-considered',
      detail:
        `${candidates.length} candidates, ${eligible.length} eligible; excluded: ` +
        `${excluded.otherPractice} other practice, ${excluded.notActiveCareManager} not an active care manager, ` +
        `${excluded.atCapacity} at capacity`,
    },
  ];
  const language = languageReason(winner, need.language);
  if (language) explanation.push(language);
  explanation.push(
    {
      code: 'skills-matched',
      detail: `${winner.matchedSkills.length} of ${skills.length}${winner.matchedSkills.length > 0 ? `: ${winner.matchedSkills.join(', ')}` : ''}`,
    },
    {
      code: 'spare-capacity',
      detail: `${winner.spare} of ${winner.member.capacity} cases free (${percent(winner.spare, winner.member.capacity)}%)`,
    },
    {
      code: 'decided-by',
      detail:
        runnerUp === undefined
          ? 'only eligible candidate'
          : `${decidingCriterion(winner, runnerUp)} over ${runnerUp.member.staffId}`,
    },
  );

  return { staffId: winner.member.staffId, explanation };
};
