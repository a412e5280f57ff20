import { describe, expect, it } from 'vitest';
import { bestPlacement, coverage, placementsFrom } from './label-placement';

const box = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const canvas = box(0, 0, 1000, 400);

describe('the open label’s place', () => {
  it('tries the edge’s own place first, then beside, under and over its number, then the other side', () => {
    expect(placementsFrom(false).map((place) => `${place.where}-${place.toRight}`)).toEqual([
      'own-false',
      'beside-false',
      'below-false',
      'above-false',
      'beside-true',
      'below-true',
      'above-true',
    ]);
  });

  it('counts each title it covers, and leaving the canvas', () => {
    const titles = [box(100, 100, 200, 30), box(600, 100, 200, 30)];
    expect(coverage(box(120, 140, 300, 50), titles, canvas)).toBe(0);
    expect(coverage(box(120, 110, 300, 50), titles, canvas)).toBe(1);
    expect(coverage(box(120, 110, 600, 50), titles, canvas)).toBe(2);
    expect(coverage(box(900, 300, 300, 50), titles, canvas)).toBe(1);
    // Touching is not covering.
    expect(coverage(box(100, 130, 200, 30), titles, canvas)).toBe(0);
  });

  it('keeps the first place in nobody’s way, else the least in the way', () => {
    expect(bestPlacement([2, 1, 0, 0])).toBe(2);
    expect(bestPlacement([2, 1, 3, 1])).toBe(1);
    expect(bestPlacement([1])).toBe(0);
  });
});
