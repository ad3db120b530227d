// Request bodies of POST /epcis/capture: JSON-LD (application/ld+json, application/json) or XML
// (application/xml, text/xml), read from the stream with the capture file-size limit enforced while reading
// (a declared Content-Length above it is refused before a byte is read; an undeclared one is cut off at the
// limit), then decoded as UTF-8. Any other media type is refused with 415 by Fastify's content-type routing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { EpcisErrors } from '../messages.ts';

export interface CaptureBody {
  readonly format: 'json' | 'xml';
  readonly text: string;
  readonly bytes: number;
}

const JSON_TYPES = ['application/ld+json', 'application/json'];
const XML_TYPES = ['application/xml', 'text/xml'];

export function tooLarge(limit: number): AppError {
  return new AppError('too_large', EpcisErrors.EPCIS_CAPTURE_FILE_TOO_LARGE, { limit });
}

async function readLimited(request: FastifyRequest, stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > limit) {
      // Stop buffering here and answer 413 at once; Node discards whatever the client still sends (it may
      // stop when it sees the answer).
      (stream as NodeJS.ReadableStream & { pause(): void }).pause();
      throw tooLarge(limit);
    }
    parts.push(buf);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decode(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AppError('invalid', EpcisErrors.EPCIS_CAPTURE_BAD_ENCODING);
  }
}

/** Replaces the inherited body parsers of an encapsulated context with the capture ones. */
export function registerCaptureParsers(app: FastifyInstance, fileSizeLimit: number): void {
  app.removeAllContentTypeParsers();
  const parser = (format: 'json' | 'xml') => async (request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<CaptureBody> => {
    const bytes = await readLimited(request, payload, fileSizeLimit);
    return { format, text: decode(bytes), bytes: bytes.length };
  };
  app.addContentTypeParser(JSON_TYPES, parser('json'));
  app.addContentTypeParser(XML_TYPES, parser('xml'));
}
