/**
 * Where the highlighted arrow's open label goes, relative to its number (which sits on the arrow): in
 * the place the edge's geometry gives it ('own': beside it, centred across the gap between the columns,
 * or over a column), else beside it, or just under or over it, growing towards either side.
 */
export type LabelPlacement = { where: 'own' | 'beside' | 'below' | 'above'; toRight: boolean };

/** The places tried, in order: the edge's own choice first, then the nearest others. */
export function placementsFrom(opensRight: boolean): LabelPlacement[] {
  return [
    { where: 'own', toRight: opensRight },
    { where: 'beside', toRight: opensRight },
    { where: 'below', toRight: opensRight },
    { where: 'above', toRight: opensRight },
    { where: 'beside', toRight: !opensRight },
    { where: 'below', toRight: !opensRight },
    { where: 'above', toRight: !opensRight },
  ];
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * What a label in this place is in the way of: each node title it covers counts one, and leaving the
 * canvas counts one. Measured on screen, so the parties' real titles (one line or two, a tall node
 * anchored low) decide, not an estimate of them.
 */
export function coverage(label: Box, titles: Box[], canvas: Box): number {
  const outside =
    label.left < canvas.left ||
    label.right > canvas.right ||
    label.top < canvas.top ||
    label.bottom > canvas.bottom;
  return titles.filter((title) => overlap(label, title)).length + (outside ? 1 : 0);
}

/** Which of the tried places to keep: the first that is in nobody's way, else the least in the way. */
export function bestPlacement(scores: number[]): number {
  return scores.reduce((best, score, index) => (score < scores[best]! ? index : best), 0);
}
