import { apiRoutes } from './api/index';
import { eventCatalog, eventSchemaName } from './catalog';
import { eventDetailJsonSchema } from './json-schema';
import { buildOpenApiDocument } from './openapi';

/** Every generated file under docs/, keyed by its path relative to the repository root. */
export function generatedArtifacts(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  files.set('docs/openapi.json', json(buildOpenApiDocument(apiRoutes)));
  for (const contract of eventCatalog) {
    files.set(`docs/events/${eventSchemaName(contract)}.schema.json`, json(eventDetailJsonSchema(contract)));
  }
  files.set(
    'docs/events/catalog.json',
    json(
      eventCatalog.map((c) => ({
        source: c.source,
        detailType: c.detailType,
        version: c.version,
        description: c.description,
        schema: `${eventSchemaName(c)}.schema.json`,
      })),
    ),
  );
  return files;
}
