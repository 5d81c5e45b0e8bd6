import { cmsElements } from './plan-model';

/** Each element CMS requires in a comprehensive care plan, as the API last judged the plan. */
export function CmsChecklist({ missing }: { missing: readonly string[] }) {
  const lacking = new Set(missing);
  return (
    <section aria-labelledby="cms-checklist-heading">
      <h2 id="cms-checklist-heading">CMS elements</h2>
      <p>
        {lacking.size === 0
          ? 'Every element CMS requires is in the plan.'
          : `${lacking.size} of ${cmsElements.length} elements still missing.`}
      </p>
      <ul className="checklist">
        {cmsElements.map(({ element, label, field }) => (
          <li key={element} className={lacking.has(element) ? 'element-missing' : 'element-present'}>
            <a href={`#${field}`}>{label}</a>: {lacking.has(element) ? 'missing' : 'present'}
          </li>
        ))}
      </ul>
    </section>
  );
}
