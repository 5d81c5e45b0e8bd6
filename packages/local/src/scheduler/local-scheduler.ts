import type { Schedule } from '@carelink/contracts';
import { nextOccurrence } from './schedule-expression';

export interface ScheduledTarget {
  schedule: Schedule;
  invoke: (input: { schedule: string; scheduledTime: string }) => Promise<unknown>;
}

/**
 * EventBridge Scheduler for the local cloud: fires each manifest schedule at its next occurrence in
 * its time zone on the (possibly shifted) local clock, and runs any schedule on demand.
 */
export class LocalScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly targets = new Map<string, ScheduledTarget>();

  constructor(private readonly clock: () => Date) {}

  add(target: ScheduledTarget): void {
    this.targets.set(target.schedule.name, target);
    this.arm(target);
  }

  names(): string[] {
    return [...this.targets.keys()];
  }

  /** Next fire time of every schedule, for display. */
  upcoming(): { name: string; next: string | undefined; timeZone: string }[] {
    return [...this.targets.values()].map(({ schedule }) => ({
      name: schedule.name,
      timeZone: schedule.timeZone,
      next: nextOccurrence(schedule.expression, schedule.timeZone, this.clock())?.toISOString(),
    }));
  }

  /** Runs a schedule now, as if it fired at `scheduledTime` (default: the local clock's now). */
  async runNow(name: string, scheduledTime = this.clock()): Promise<unknown> {
    const target = this.targets.get(name);
    if (!target) throw new Error(`no schedule named ${name}`);
    return target.invoke({ schedule: name, scheduledTime: scheduledTime.toISOString() });
  }

  /** Re-arms every timer after the clock moved. */
  rearm(): void {
    for (const target of this.targets.values()) this.arm(target);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(target: ScheduledTarget): void {
    const existing = this.timers.get(target.schedule.name);
    if (existing) clearTimeout(existing);
    const next = nextOccurrence(target.schedule.expression, target.schedule.timeZone, this.clock());
    if (!next) return;
    const delay = Math.min(next.getTime() - this.clock().getTime(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      if (this.clock().getTime() >= next.getTime()) {
        void target
          .invoke({ schedule: target.schedule.name, scheduledTime: next.toISOString() })
          .catch(() => undefined);
      }
      this.arm(target);
    }, delay);
    timer.unref();
    this.timers.set(target.schedule.name, timer);
  }
}
