// What a stamp's serial is in what a camera, a handheld scanner or a person gives the activation page.

/** The serial in what a camera or a person reads: a stamp URI (…/21/<serial> or …/s/<serial>) or the code. */
export function serialOf(text: string): string {
  const t = text.trim();
  const m = /\/(?:21|s)\/([^/?#]+)/.exec(t);
  return (m ? decoded(m[1]!) : t).toUpperCase().replace(/[\s-]/g, '');
}

/** A path segment percent-decoded; a malformed escape (a damaged or hand-made code) stays as it was. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The serial in a QR code the camera read, or null when that code is not a stamp's (a shop's website, a
 * payment code…): only a web address with a /21/<serial> or /s/<code> path is one. */
export function stampSerialOf(text: string): string | null {
  const t = text.trim();
  if (!/^https?:\/\//i.test(t) || !/\/(?:21|s)\/[^/?#]+/.test(t)) return null;
  return serialOf(t) || null;
}
