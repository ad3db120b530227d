// Structured logs (pino). Credentials never reach a log: auth headers, cookies and secret-looking fields are
// redacted, and one-time tokens are cut out of logged URLs.
import pino, { type Logger } from 'pino';

const SECRET_QUERY = /([?&](?:token|code|key|secret|password)=)[^&]*/gi;

export function scrubUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

export function createLogger(options: { level: string; name?: string }): Logger {
  return pino({
    name: options.name ?? 'txng',
    level: options.level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.secret',
        '*.token',
        '*.totp',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; hostname?: string; id?: string }) => ({ method: req.method, url: scrubUrl(req.url), hostname: req.hostname }),
      err: pino.stdSerializers.err,
    },
  });
}
