/** A clock that stands still until the test moves it on, so that a test about expiry need not wait. */
export function manualClock(start: number) {
  let now = start;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}
