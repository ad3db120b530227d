// Security headers (helmet's policies: CSP, HSTS, nosniff, referrer policy, …) for every response. helmet is a
// middleware that rebuilds its whole policy on each call (@fastify/helmet calls helmet(options) per request:
// directive parsing, name dashing, a closure); our policy is the same for every request, so helmet runs once,
// here, against a recording response, and each request gets the recorded headers (one object assignment).
// A route that needs another policy sets its own header in its handler (the API docs UI does), as before.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet would set with `options`, by lower-case name. */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader(name: string) {
      return headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.freeze(headers);
}

/**
 * Pages a consumer opens from a stamp's QR code (scan page, passports, catalogue) go without
 * Cross-Origin-Opener-Policy. With `same-origin`, a page reached from a tab without that policy (the camera app's
 * browser tab, a chat app, Lighthouse's blank page) must move to a new browsing-context group, which Chromium does
 * with a renderer process swap inside the page load. Lighthouse mobile on the same page and server, four runs each
 * on a quiet machine: blocking time 180–390 ms and scores 91–97 with the header, 61–165 ms and 98–100 without.
 * These pages show only public data, cannot be framed (CSP frame-ancestors 'none') and keep every other header;
 * the portal and the API keep COOP.
 */
export function withoutOpenerIsolation<R extends { removeHeader(name: string): unknown }>(reply: R): R {
  reply.removeHeader('cross-origin-opener-policy');
  return reply;
}
