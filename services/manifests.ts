import type { ServiceManifest } from '@carelink/contracts';

/**
 * Every deployed service. Infra and the local cloud iterate over this list and nothing else, so a
 * service exists in both as soon as its manifest is added here.
 */
export const serviceManifests: readonly ServiceManifest[] = [];
