import type { ReactNode } from 'react';
import { type CmsElement, cmsElements } from './plan-model';

const labelOf = (element: CmsElement) => cmsElements.find((e) => e.element === element)?.label ?? element;

/** The CMS elements a field holds, and which of them the last save found missing. */
export interface CmsCheck {
  elements: readonly CmsElement[];
  missing: ReadonlySet<string>;
}

/** The id of the note that says an element is missing, for `aria-describedby`. */
export const missingNoteId = (element: CmsElement) => `missing-${element}`;

/** Beside a field: which of its CMS elements the last save found missing (nothing when complete). */
export function MissingNotes({
  elements,
  missing,
}: {
  elements: readonly CmsElement[];
  missing: ReadonlySet<string>;
}) {
  const shown = elements.filter((element) => missing.has(element));
  return (
    <>
      {shown.map((element) => (
        <p key={element} id={missingNoteId(element)} className="missing-note">
          Missing: {labelOf(element)}
        </p>
      ))}
    </>
  );
}

/** Points a group of fields at the notes of its missing elements. */
export const describedBy = (elements: readonly CmsElement[], missing: ReadonlySet<string>) => {
  const shown = elements.filter((element) => missing.has(element));
  return shown.length > 0 ? { 'aria-describedby': shown.map(missingNoteId).join(' ') } : {};
};

/** A control whose element is missing is also marked invalid. */
const checkedControl = (elements: readonly CmsElement[], missing: ReadonlySet<string>) => {
  const described = describedBy(elements, missing);
  return 'aria-describedby' in described ? { ...described, 'aria-invalid': true } : {};
};

/** A labelled multi-line text field. */
export function TextArea({
  id,
  label,
  value,
  onChange,
  rows = 3,
  cms,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  cms?: CmsCheck;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(cms ? checkedControl(cms.elements, cms.missing) : {})}
      />
      {cms && <MissingNotes {...cms} />}
    </>
  );
}

/** A labelled one-line field. */
export function TextInput({
  id,
  label,
  value,
  onChange,
  type = 'text',
  required = false,
  cms,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  required?: boolean;
  cms?: CmsCheck;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        {...(cms ? checkedControl(cms.elements, cms.missing) : {})}
      />
      {cms && <MissingNotes {...cms} />}
    </>
  );
}

/**
 * A list of items the person adds to and removes from, each in its own fieldset named by its
 * position ("Problem 2"), so a screen reader says which one a field belongs to.
 */
export function ItemList<T>({
  noun,
  items,
  onChange,
  make,
  render,
}: {
  noun: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  make: () => T;
  render: (item: T, update: (item: T) => void, name: string, index: number) => ReactNode;
}) {
  const replace = (index: number, item: T) => onChange(items.map((old, i) => (i === index ? item : old)));
  return (
    <>
      {items.map((item, index) => {
        const name = `${noun} ${index + 1}`;
        return (
          <fieldset key={index} className="plan-item">
            <legend>{name}</legend>
            {render(item, (next) => replace(index, next), name, index)}
            <button type="button" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              Remove {name.toLowerCase()}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...items, make()])}>
        Add {noun.toLowerCase()}
      </button>
    </>
  );
}
