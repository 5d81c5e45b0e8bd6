import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ServiceRuntime, tenantKey } from '@carelink/lambda-kit';

/** ISA13 is nine digits; numbering starts again at 1 after the last. */
const MAX_CONTROL_NUMBER = 999_999_999;

/**
 * Interchange control numbers of a practice's X12 files: an atomic counter, so every file a practice
 * sends carries numbers never used before (a clearinghouse rejects a repeated ISA13 as a duplicate).
 */
export function createControlNumbers(runtime: ServiceRuntime) {
  return {
    /** Reserves `count` consecutive numbers and returns the first. */
    async reserve(tenantId: string, practiceId: string, count: number): Promise<number> {
      const { Attributes } = await runtime.db.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: { pk: tenantKey(tenantId, 'X12-CONTROL', practiceId), sk: 'COUNTER' },
          UpdateExpression: 'ADD #last :count SET kind = :kind',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':count': count, ':kind': 'x12-control-counter' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const last = Number(Attributes?.last);
      return ((last - count) % MAX_CONTROL_NUMBER) + 1;
    },
  };
}

export type ControlNumbers = ReturnType<typeof createControlNumbers>;
