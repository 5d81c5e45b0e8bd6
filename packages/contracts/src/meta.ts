import * as z from 'zod/mini';

/**
 * A copy of `schema` documented with `metadata` (description, example, component `id`) in zod's
 * global registry, which the OpenAPI and JSON Schema documents read; `schema` itself is untouched.
 *
 * zod/mini's own `z.meta()` is a check: it travels with the schema into every copy (`extend`,
 * further checks), so an `id` would be registered twice and `pick`/`omit` would refuse the schema.
 * A registered copy documents exactly the schema it names, as the contracts expect.
 */
export function withMeta<Schema extends z.ZodMiniType>(
  schema: Schema,
  metadata: z.core.$replace<z.core.GlobalMeta, Schema>,
): Schema {
  const documented = schema.clone();
  z.globalRegistry.add(documented, metadata);
  return documented;
}
