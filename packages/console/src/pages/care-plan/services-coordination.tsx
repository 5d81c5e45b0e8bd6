import { CodeSelect } from '../../code-select';
import { describedBy, ItemList, MissingNotes, TextInput } from './fields';
import {
  type CommunityService,
  type CommunityServices,
  type Coordination,
  newItemId,
  type OutsideProvider,
  responsibleParties,
} from './plan-model';
import type { PlanSectionProps } from './section-props';

function Choice<T extends string>({
  name,
  value,
  options,
  onChange,
}: {
  name: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />{' '}
          {option.label}
        </label>
      ))}
    </>
  );
}

/** Community services: none needed, or the services ordered and who follows each up. */
export function CommunityServicesEditor({ plan, change, missing }: PlanSectionProps) {
  const current = plan.communityServices;
  const pick = (status: CommunityServices['status']) =>
    change({ communityServices: status === 'ordered' ? { status, services: [] } : { status } });
  return (
    <fieldset id="plan-community" {...describedBy(['community-services'], missing)}>
      <legend>Community services</legend>
      <MissingNotes elements={['community-services']} missing={missing} />
      <Choice
        name="community-services"
        value={current?.status}
        options={[
          { value: 'none-needed', label: 'None needed' },
          { value: 'ordered', label: 'Services ordered' },
        ]}
        onChange={pick}
      />
      {current?.status === 'ordered' && (
        <ItemList<CommunityService>
          noun="Service"
          items={current.services}
          onChange={(services) => change({ communityServices: { status: 'ordered', services } })}
          make={() => ({ id: newItemId('c'), description: '', responsible: 'primary' })}
          render={(service, update, name, index) => (
            <>
              <TextInput
                id={`service-${index}-description`}
                label={`${name} description`}
                value={service.description}
                required
                onChange={(description) => update({ ...service, description })}
              />
              <TextInput
                id={`service-${index}-organization`}
                label={`${name} organization`}
                value={service.organization ?? ''}
                onChange={(organization) => {
                  const { organization: _old, ...rest } = service;
                  update(organization ? { ...rest, organization } : rest);
                }}
              />
              <CodeSelect
                id={`service-${index}-responsible`}
                label={`${name} followed up by`}
                value={service.responsible}
                options={responsibleParties}
                onChange={(responsible) => update({ ...service, responsible })}
              />
            </>
          )}
        />
      )}
    </fieldset>
  );
}

/** Coordination with outside providers: none needed, or each provider and the arrangement. */
export function CoordinationEditor({ plan, change, missing }: PlanSectionProps) {
  const current = plan.coordination;
  const pick = (status: Coordination['status']) =>
    change({ coordination: status === 'coordinating' ? { status, providers: [] } : { status } });
  return (
    <fieldset id="plan-coordination" {...describedBy(['coordination'], missing)}>
      <legend>Coordination with other providers</legend>
      <MissingNotes elements={['coordination']} missing={missing} />
      <Choice
        name="coordination"
        value={current?.status}
        options={[
          { value: 'none-needed', label: 'None needed' },
          { value: 'coordinating', label: 'Coordinating with providers' },
        ]}
        onChange={pick}
      />
      {current?.status === 'coordinating' && (
        <ItemList<OutsideProvider>
          noun="Provider"
          items={current.providers}
          onChange={(providers) => change({ coordination: { status: 'coordinating', providers } })}
          make={() => ({ id: newItemId('o'), providerType: '', arrangement: '' })}
          render={(provider, update, name, index) => (
            <>
              <TextInput
                id={`provider-${index}-type`}
                label={`${name} type`}
                value={provider.providerType}
                required
                onChange={(providerType) => update({ ...provider, providerType })}
              />
              <TextInput
                id={`provider-${index}-arrangement`}
                label={`${name} arrangement`}
                value={provider.arrangement}
                required
                onChange={(arrangement) => update({ ...provider, arrangement })}
              />
            </>
          )}
        />
      )}
    </fieldset>
  );
}
