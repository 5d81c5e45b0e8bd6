import { randomBytes } from 'node:crypto';
import type { ServiceManifest } from '@carelink/contracts';
import { inject } from 'vitest';
import { directoryManifest } from '../../../../services/directory/manifest';
import { type LocalCloud, startLocalCloud } from '../cloud';

/**
 * Starts a local cloud for one integration test file on the run's shared DynamoDB Local, with its
 * own table, bus and queue names. Pass the manifests under test (default: every service); the
 * directory always runs too, since its seed is the world every service works in (organisations,
 * practices, partners and their clients).
 */
export function startTestCloud(manifests?: readonly ServiceManifest[]): Promise<LocalCloud> {
  const withDirectory =
    manifests && !manifests.includes(directoryManifest) ? [directoryManifest, ...manifests] : manifests;
  return startLocalCloud({
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    prefix: `t${randomBytes(4).toString('hex')}`,
    maxVisibilityTimeoutMs: 300,
    ...(withDirectory ? { manifests: withDirectory } : {}),
  });
}
