import { CodeSelect } from '../../code-select';
import { describedBy, ItemList, MissingNotes, TextInput } from './fields';
import {
  type CmsElement,
  comparators,
  type Goal,
  type Measure,
  newItemId,
  type Problem,
  responsibleParties,
} from './plan-model';
import type { PlanSectionProps } from './section-props';

const goalElements: CmsElement[] = ['measurable-goals', 'goal-measures', 'goal-target-dates'];

/** The problem list: what the plan addresses, with the ICD-10-CM code claims will carry. */
export function ProblemsEditor({ plan, change, missing }: PlanSectionProps) {
  return (
    <fieldset id="plan-problems" {...describedBy(['problem-list'], missing)}>
      <legend>Problem list</legend>
      <MissingNotes elements={['problem-list']} missing={missing} />
      <ItemList<Problem>
        noun="Problem"
        items={plan.problems}
        onChange={(problems) => {
          // A goal may not point at a problem that is gone: the API refuses an unknown problem id.
          const kept = new Set(problems.map((problem) => problem.id));
          const goals = plan.goals.map((goal) => ({
            ...goal,
            problemIds: goal.problemIds.filter((id) => kept.has(id)),
          }));
          change({ problems, goals });
        }}
        make={() => ({ id: newItemId('p'), description: '' })}
        render={(problem, update, name, index) => (
          <>
            <TextInput
              id={`problem-${index}-description`}
              label={`${name} description`}
              value={problem.description}
              required
              onChange={(description) => update({ ...problem, description })}
            />
            <TextInput
              id={`problem-${index}-icd10`}
              label={`${name} ICD-10-CM code`}
              value={problem.icd10 ?? ''}
              onChange={(code) => {
                const { icd10: _old, ...rest } = problem;
                update(code.trim() ? { ...rest, icd10: code.trim().toUpperCase() } : rest);
              }}
            />
          </>
        )}
      />
    </fieldset>
  );
}

function MeasureFields({
  measure,
  update,
  name,
}: {
  measure: Measure;
  update: (measure: Measure) => void;
  name: string;
}) {
  const id = name.toLowerCase().replaceAll(' ', '-');
  return (
    <div className="inline-fields">
      <TextInput
        id={`${id}-metric`}
        label={`${name} metric`}
        value={measure.metric}
        required
        onChange={(metric) => update({ ...measure, metric })}
      />
      <CodeSelect
        id={`${id}-comparator`}
        label={`${name} comparison`}
        value={measure.comparator}
        options={comparators}
        onChange={(comparator) => update({ ...measure, comparator })}
        show={(code) => code}
      />
      <TextInput
        id={`${id}-value`}
        label={`${name} value`}
        type="number"
        value={String(measure.value)}
        required
        onChange={(value) => update({ ...measure, value: Number(value) })}
      />
      <TextInput
        id={`${id}-unit`}
        label={`${name} unit`}
        value={measure.unit}
        required
        onChange={(unit) => update({ ...measure, unit })}
      />
    </div>
  );
}

/** Measurable goals: each with who owns it, the problems it serves, its measures and a target date. */
export function GoalsEditor({ plan, change, missing }: PlanSectionProps) {
  return (
    <fieldset id="plan-goals" {...describedBy(goalElements, missing)}>
      <legend>Goals</legend>
      <MissingNotes elements={goalElements} missing={missing} />
      <ItemList<Goal>
        noun="Goal"
        items={plan.goals}
        onChange={(goals) => {
          const kept = new Set(goals.map((goal) => goal.id));
          const interventions = plan.interventions.map((intervention) =>
            intervention.goalIds
              ? { ...intervention, goalIds: intervention.goalIds.filter((id) => kept.has(id)) }
              : intervention,
          );
          change({ goals, interventions });
        }}
        make={() => ({ id: newItemId('g'), description: '', owner: 'primary', problemIds: [], measures: [] })}
        render={(goal, update, name, index) => (
          <>
            <TextInput
              id={`goal-${index}-description`}
              label={`${name} description`}
              value={goal.description}
              required
              onChange={(description) => update({ ...goal, description })}
            />
            <CodeSelect
              id={`goal-${index}-owner`}
              label={`${name} owner`}
              value={goal.owner}
              options={responsibleParties}
              onChange={(owner) => update({ ...goal, owner })}
            />
            {plan.problems.length > 0 && (
              <fieldset>
                <legend>{name} serves problems</legend>
                {plan.problems.map((problem, p) => (
                  <label key={problem.id} className="check">
                    <input
                      type="checkbox"
                      checked={goal.problemIds.includes(problem.id)}
                      onChange={(e) =>
                        update({
                          ...goal,
                          problemIds: e.target.checked
                            ? [...goal.problemIds, problem.id]
                            : goal.problemIds.filter((id) => id !== problem.id),
                        })
                      }
                    />{' '}
                    {problem.description || `Problem ${p + 1}`}
                  </label>
                ))}
              </fieldset>
            )}
            <ItemList<Measure>
              noun={`${name} measure`}
              items={goal.measures}
              onChange={(measures) => update({ ...goal, measures })}
              make={() => ({ metric: '', comparator: '<', value: 0, unit: '' })}
              render={(measure, updateMeasure, measureName) => (
                <MeasureFields measure={measure} update={updateMeasure} name={measureName} />
              )}
            />
            <TextInput
              id={`goal-${index}-target`}
              label={`${name} target date`}
              type="date"
              value={goal.targetDate ?? ''}
              onChange={(date) => {
                const { targetDate: _old, ...rest } = goal;
                update(date ? { ...rest, targetDate: date } : rest);
              }}
            />
          </>
        )}
      />
    </fieldset>
  );
}
