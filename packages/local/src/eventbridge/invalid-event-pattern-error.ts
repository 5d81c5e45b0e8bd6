/**
 * Thrown when an event pattern would be rejected by EventBridge `PutRule` / `TestEventPattern`.
 * The message mirrors EventBridge's wording ("Event pattern is not valid. Reason: ...") so that
 * local failures read the same as deployed ones.
 */
export class InvalidEventPatternError extends Error {
  /** The bare reason, without the "Event pattern is not valid" preamble. */
  readonly reason: string;
  /** Where in the pattern the problem was found, e.g. `detail.state[0]`; empty for the whole pattern. */
  readonly location: string;

  constructor(reason: string, location = '') {
    super(`Event pattern is not valid. Reason: ${reason}${location ? ` (at ${location})` : ''}`);
    this.name = 'InvalidEventPatternError';
    this.reason = reason;
    this.location = location;
  }
}
