/** How long to wait, in the words and numbers the refusals use. */

/** Whole seconds, rounded up and at least 1: a `Retry-After` of 0 would invite an immediate retry. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;

/** "45 seconds", "15 minutes", "24 hours": rounded up, so the wait is never shorter than it says. */
export function describeWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return unit(whole, 'second');
  const minutes = Math.ceil(whole / 60);
  if (minutes < 120) return unit(minutes, 'minute');
  return unit(Math.ceil(minutes / 60), 'hour');
}
