/** A labelled select of codes, shown as words (`no-answer` → "no answer") unless `show` says otherwise. */
export function CodeSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  show = (code) => code.replaceAll('-', ' '),
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  show?: (code: T) => string;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {show(option)}
          </option>
        ))}
      </select>
    </>
  );
}
