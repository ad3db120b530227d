// The provincial mark printed on every label: a dark green badge with white mountains and a sun (Sơn La,
// "mountain"), drawn in a unit square so the PDF, the SVG and the HTML page draw the same figure. Dark enough to
// print as near-black on a monochrome office printer.
export const MARK_RGB = [20, 83, 45] as const;
export const MARK_COLOR = '#14532d';
export const MARK_MOUNTAINS: readonly (readonly [number, number])[] = [[0.12, 0.8], [0.38, 0.38], [0.52, 0.58], [0.68, 0.3], [0.9, 0.8]];
export const MARK_SUN = { cx: 0.3, cy: 0.3, r: 0.09 } as const;

/** The mark as an SVG fragment in a `size`-sided square at (x, y). */
export function markSvg(x: number, y: number, size: number): string {
  const p = MARK_MOUNTAINS.map(([px, py]) => `${(x + px * size).toFixed(3)},${(y + py * size).toFixed(3)}`).join(' ');
  return (
    `<rect x="${x.toFixed(3)}" y="${y.toFixed(3)}" width="${size.toFixed(3)}" height="${size.toFixed(3)}" rx="${(size * 0.18).toFixed(3)}" fill="${MARK_COLOR}"/>` +
    `<polygon points="${p}" fill="#fff"/>` +
    `<circle cx="${(x + MARK_SUN.cx * size).toFixed(3)}" cy="${(y + MARK_SUN.cy * size).toFixed(3)}" r="${(MARK_SUN.r * size).toFixed(3)}" fill="#fff"/>`
  );
}
