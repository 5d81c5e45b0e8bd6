import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type ServiceRuntime, type StateWrite } from '@carelink/lambda-kit';
import type { StaffMember } from '../domain/roster';
import { keys } from './keys';

/** A roster entry as stored: the domain's staff member plus bookkeeping. */
export interface StaffRecord extends StaffMember {
  updatedAt: string;
}

/** The editable part of a roster entry; the active case count is the service's own. */
export type StaffProfile = Omit<StaffMember, 'activeCases' | 'staffId' | 'practiceId'>;

const toRecord = (item: Record<string, unknown>): StaffRecord => ({
  staffId: item.staffId as string,
  practiceId: item.practiceId as string,
  role: item.role as StaffMember['role'],
  services: (item.services as StaffMember['services']) ?? [],
  skills: (item.skills as string[]) ?? [],
  languages: (item.languages as string[]) ?? [],
  capacity: item.capacity as number,
  activeCases: (item.activeCases as number) ?? 0,
  active: item.active as boolean,
  updatedAt: item.updatedAt as string,
});

/** The domain view of a record, without bookkeeping fields. */
export const asStaffMember = ({ updatedAt: _updatedAt, ...member }: StaffRecord): StaffMember => member;

/** Roster entries of one practice and the writes that keep active case counts. */
export function rosterStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;
  return {
    async get(tenantId: string, practiceId: string, staffId: string): Promise<StaffRecord | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.staff(tenantId, practiceId, staffId),
          ConsistentRead: true,
        }),
      );
      return Item ? toRecord(Item) : undefined;
    },

    async list(tenantId: string, practiceId: string): Promise<StaffRecord[]> {
      const items: StaffRecord[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :staff)',
            ExpressionAttributeValues: { ':pk': keys.roster(tenantId, practiceId), ':staff': 'STAFF#' },
            ExclusiveStartKey: start,
            ConsistentRead: true,
          }),
        );
        items.push(...(page.Items ?? []).map(toRecord));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },

    /** Creates or updates the profile; a new entry starts with no active cases, an existing one keeps its count. */
    upsert(
      tenantId: string,
      practiceId: string,
      staffId: string,
      profile: StaffProfile,
      at: string,
    ): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: keys.staff(tenantId, practiceId, staffId),
          UpdateExpression:
            'SET staffId = :staffId, practiceId = :practiceId, #role = :role, #services = :services, ' +
            '#skills = :skills, #languages = :languages, #capacity = :capacity, #active = :active, ' +
            'updatedAt = :at, activeCases = if_not_exists(activeCases, :zero)',
          ExpressionAttributeNames: {
            '#role': 'role',
            '#services': 'services',
            '#skills': 'skills',
            '#languages': 'languages',
            '#capacity': 'capacity',
            '#active': 'active',
          },
          ExpressionAttributeValues: {
            ':staffId': staffId,
            ':practiceId': practiceId,
            ':role': profile.role,
            ':services': profile.services,
            ':skills': profile.skills,
            ':languages': profile.languages,
            ':capacity': profile.capacity,
            ':active': profile.active,
            ':at': at,
            ':zero': 0,
          },
        },
      };
    },

    /** Takes one case on: only an active care manager below capacity can, checked in the same transaction. */
    takeCase(tenantId: string, practiceId: string, staffId: string): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: keys.staff(tenantId, practiceId, staffId),
          UpdateExpression: 'SET activeCases = activeCases + :one',
          ConditionExpression: '#active = :true AND #role = :cm AND activeCases < #capacity',
          ExpressionAttributeNames: { '#role': 'role', '#active': 'active', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':true': true, ':cm': 'care-manager' },
        },
        onConditionFailed: () => new ConflictError('The care manager has no spare capacity'),
      };
    },

    /** Hands one case back. */
    releaseCase(tenantId: string, practiceId: string, staffId: string): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: keys.staff(tenantId, practiceId, staffId),
          UpdateExpression: 'SET activeCases = activeCases - :one',
          ConditionExpression: 'activeCases > :zero',
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      };
    },
  };
}

export type RosterStore = ReturnType<typeof rosterStore>;
