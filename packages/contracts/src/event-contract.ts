import * as z from 'zod/mini';

/** The services that publish events; each owns the source `carelink.<service>`. */
export const ServiceName = z.enum([
  'directory',
  'intake',
  'eligibility',
  'care-planning',
  'outreach',
  'billing',
  'audit',
  'timeline',
]);
export type ServiceName = z.infer<typeof ServiceName>;

export type EventSource = `carelink.${ServiceName}`;

/**
 * One event type at one major version. Producers build it, consumers parse it and rules match on its
 * `source` and `detailType`: the strings are written here once and imported everywhere else.
 *
 * @example
 * export const CaseOpenedV1 = defineEvent({ source: 'carelink.care-planning', detailType: 'CaseOpened',
 *   version: 1, description: '...', data: CaseOpenedData, example: {...} });
 */
export interface EventContract<
  DetailType extends string = string,
  Data extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly source: EventSource;
  readonly detailType: DetailType;
  readonly version: number;
  readonly description: string;
  readonly data: Data;
  readonly example: z.input<Data>;
}

/** Declares an event contract; the example is type-checked against the data schema. */
export function defineEvent<const DetailType extends string, Data extends z.ZodMiniType>(
  contract: EventContract<DetailType, Data>,
): EventContract<DetailType, Data> {
  return Object.freeze(contract);
}

/** The data type of an event contract. */
export type EventData<C extends EventContract> = z.output<C['data']>;
