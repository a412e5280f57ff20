import { describe, expect, it } from 'vitest';
import { runOf } from './run';

describe('run of an exchange', () => {
  it('comes from the header first, then the cookie', () => {
    expect(
      runOf(new Headers({ 'x-playground-run': 'left-run-1234', cookie: 'playground_run=right-run-5678' })),
    ).toBe('left-run-1234');
    expect(runOf(new Headers({ cookie: 'a=b; playground_run=right-run-5678' }))).toBe('right-run-5678');
  });

  it('is absent when neither is there or the value is malformed', () => {
    expect(runOf(new Headers())).toBeUndefined();
    expect(runOf(new Headers({ 'x-playground-run': 'bad value!' }))).toBeUndefined();
  });
});
