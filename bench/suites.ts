import type { Figure } from './figure';
import { billingRunFigures } from './figures/billing-run';
import { bundleFigures } from './figures/bundles';
import { consoleFigures } from './figures/console';
import { costFigures } from './figures/cost';
import { handlerOverheadFigures } from './figures/handler-overhead';
import { loadFigures } from './figures/load';
import { matcherFigures } from './figures/matcher';
import { pipelineFigures } from './figures/pipeline';
import { rulesFigures } from './figures/rules';

/** Every benchmark suite, by name. */
export const suites: Record<string, () => Promise<Figure[]>> = {
  bundles: bundleFigures,
  console: consoleFigures,
  handler: () => handlerOverheadFigures(),
  rules: rulesFigures,
  billing: () => billingRunFigures(),
  matcher: matcherFigures,
  pipeline: () => pipelineFigures(),
  load: () => loadFigures(),
  cost: () => costFigures(),
};
