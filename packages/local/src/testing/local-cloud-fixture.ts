import { randomBytes } from 'node:crypto';
import type { ServiceManifest } from '@carelink/contracts';
import { inject } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../cloud';

/**
 * Starts a local cloud for one integration test file on the run's shared DynamoDB Local, with its
 * own table, bus and queue names. Pass the manifests under test (default: every service).
 */
export function startTestCloud(manifests?: readonly ServiceManifest[]): Promise<LocalCloud> {
  return startLocalCloud({
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    prefix: `t${randomBytes(4).toString('hex')}`,
    maxVisibilityTimeoutMs: 300,
    ...(manifests ? { manifests } : {}),
  });
}
