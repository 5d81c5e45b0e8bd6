import { CodeSelect } from '../../code-select';
import { describedBy, ItemList, MissingNotes, TextInput } from './fields';
import {
  cadenceUnits,
  type Intervention,
  interventionKinds,
  newItemId,
  responsibleParties,
} from './plan-model';
import type { PlanSectionProps } from './section-props';

/** Planned interventions: what will be done, by whom, how often; outreach turns each into tasks. */
export function InterventionsEditor({ plan, change, missing }: PlanSectionProps) {
  return (
    <fieldset id="plan-interventions" {...describedBy(['planned-interventions'], missing)}>
      <legend>Planned interventions</legend>
      <MissingNotes elements={['planned-interventions']} missing={missing} />
      <ItemList<Intervention>
        noun="Intervention"
        items={plan.interventions}
        onChange={(interventions) => change({ interventions })}
        make={() => ({ id: newItemId('i'), description: '', kind: 'education', responsible: 'primary' })}
        render={(intervention, update, name, index) => (
          <>
            <TextInput
              id={`intervention-${index}-description`}
              label={`${name} description`}
              value={intervention.description}
              required
              onChange={(description) => update({ ...intervention, description })}
            />
            <CodeSelect
              id={`intervention-${index}-kind`}
              label={`${name} kind`}
              value={intervention.kind}
              options={interventionKinds}
              onChange={(kind) => update({ ...intervention, kind })}
            />
            <CodeSelect
              id={`intervention-${index}-responsible`}
              label={`${name} responsible`}
              value={intervention.responsible}
              options={responsibleParties}
              onChange={(responsible) => update({ ...intervention, responsible })}
            />
            <div className="inline-fields">
              <TextInput
                id={`intervention-${index}-every`}
                label={`${name} repeats every (leave empty for once)`}
                type="number"
                value={intervention.cadence ? String(intervention.cadence.every) : ''}
                onChange={(every) => {
                  const { cadence, ...rest } = intervention;
                  update(
                    every
                      ? { ...rest, cadence: { every: Number(every), unit: cadence?.unit ?? 'month' } }
                      : rest,
                  );
                }}
              />
              {intervention.cadence && (
                <CodeSelect
                  id={`intervention-${index}-unit`}
                  label={`${name} repeats in`}
                  value={intervention.cadence.unit}
                  options={cadenceUnits}
                  onChange={(unit) =>
                    intervention.cadence &&
                    update({ ...intervention, cadence: { ...intervention.cadence, unit } })
                  }
                  show={(unit) => `${unit}s`}
                />
              )}
            </div>
          </>
        )}
      />
    </fieldset>
  );
}
