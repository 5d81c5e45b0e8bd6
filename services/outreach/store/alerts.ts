import type { StateWrite } from '@carelink/lambda-kit';
import { type AlertState, AlertTransitionError } from '../domain';
import type { Item } from './table';

/** The lifecycle fields of a stored flag or escalation; items written before they existed are open. */
export function alertStateOf(item: Item): AlertState {
  return {
    status: (item.status as AlertState['status'] | undefined) ?? 'open',
    ...(item.acknowledged ? { acknowledged: item.acknowledged as AlertState['acknowledged'] } : {}),
    ...(item.resolved ? { resolved: item.resolved as AlertState['resolved'] } : {}),
  };
}

/**
 * Moves a stored flag or escalation from `from` to `next`, only if nobody moved it meanwhile (else
 * a conflict naming the step). A resolved item drops its worklist index keys: it is nobody's work.
 */
export function alertTransition(
  table: { name: string },
  key: { pk: string; sk: string },
  from: AlertState['status'],
  next: AlertState,
): StateWrite {
  const resolved = next.status === 'resolved';
  return {
    Update: {
      TableName: table.name,
      Key: key,
      UpdateExpression: `SET #status = :status, acknowledged = :acknowledged${
        resolved ? ', resolved = :resolved REMOVE gsi1pk, gsi1sk' : ''
      }`,
      ConditionExpression:
        from === 'open'
          ? 'attribute_exists(pk) AND (attribute_not_exists(#status) OR #status = :from)'
          : 'attribute_exists(pk) AND #status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': next.status,
        ':from': from,
        ':acknowledged': next.acknowledged ?? null,
        ...(resolved ? { ':resolved': next.resolved } : {}),
      },
    },
    onConditionFailed: () => new AlertTransitionError(from, next.status),
  };
}
