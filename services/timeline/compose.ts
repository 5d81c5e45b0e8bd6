import type { ServiceRuntime } from '@carelink/lambda-kit';
import { createTimeline } from './app/timeline';
import { createTimelineStore } from './store/timeline-store';

/** Builds the timeline service's store and use cases on a runtime (Lambda, tests). */
export function composeTimeline(runtime: ServiceRuntime) {
  return { runtime, timeline: createTimeline(createTimelineStore(runtime)) };
}

export type TimelineService = ReturnType<typeof composeTimeline>;
