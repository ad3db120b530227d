// REST binding, capture (OpenAPI /capture, /capture/{captureID}): POST answers 202 with the capture job's Location
// (a document refused as a whole in rollback mode, while the request waited, answers 400 with every error);
// OPTIONS advertises the limits that POST enforces with 413.
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { contextOf } from '../../../platform/request-context.ts';
import type { CaptureService } from '../capture/capture-service.ts';
import type { CaptureBehaviour } from '../capture/capture-jobs.ts';
import { EpcisErrors } from '../messages.ts';
import { registerCaptureParsers, type CaptureBody } from './capture-body.ts';
import { checkVersions, epcisHeaders } from './epcis-output.ts';
import { decodeJobCursor, encodeJobCursor, linkNext, perPageOf } from './paging.ts';
import { presentCaptureJob, presentProblem } from './presenter.ts';

function behaviourOf(header: string | string[] | undefined): CaptureBehaviour {
  if (header === undefined) return 'rollback';
  const value = String(header).trim().toLowerCase();
  if (value === 'rollback' || value === 'proceed') return value;
  throw new AppError('invalid', EpcisErrors.EPCIS_BEHAVIOUR_INVALID, {}, [{ in: 'header', pointer: 'GS1-Capture-Error-Behaviour', code: EpcisErrors.EPCIS_BEHAVIOUR_INVALID } as FieldProblem]);
}

export async function captureRoutes(app: FastifyInstance, opts: { capture: CaptureService }): Promise<void> {
  const { capture } = opts;
  const tags = ['epcis'];
  registerCaptureParsers(app, capture.limits.maxBytes);

  app.options('/capture', { schema: { tags, summary: 'Capture interface settings (limits, error behaviour, versions).' } }, async (_request, reply) => {
    epcisHeaders(reply).header('Allow', 'OPTIONS, POST, GET')
      .header('GS1-EPCIS-Capture-Limit', String(capture.limits.maxEvents))
      .header('GS1-EPCIS-Capture-File-Size-Limit', String(capture.limits.maxBytes))
      .header('GS1-Capture-Error-Behaviour', 'rollback, proceed')
      .header('GS1-EPC-Format', 'No_Preference, Always_GS1_Digital_Link, Always_EPC_URN, Never_Translates')
      .header('GS1-CBV-XML-Format', 'Always_URN, Always_Web_URI')
      .code(204).send();
  });

  app.post('/capture', {
    bodyLimit: capture.limits.maxBytes,
    schema: { tags, summary: 'Capture an EPCISDocument or EPCISQueryDocument (JSON-LD or XML); answers 202 with the capture job.', hide: false },
  }, async (request, reply) => {
    checkVersions(request);
    const behaviour = behaviourOf(request.headers['gs1-capture-error-behaviour']);
    const body = request.body as CaptureBody | undefined;
    if (!body?.text) throw new AppError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', { contentType: request.headers['content-type'] ?? 'none' });
    const { job, finished } = await capture.submit(contextOf(request), { format: body.format, text: body.text, behaviour });
    const location = `/epcis/capture/${job.id}`;
    reply.header('Location', location);
    if (finished && !job.success && job.behaviour === 'rollback') {
      throw new AppError('invalid', EpcisErrors.EPCIS_CAPTURE_REJECTED, { count: job.errors.length }, [], {
        captureID: job.id,
        errors: job.errors.map((e) => presentProblem(e, request.lang)),
        warnings: job.warnings.map((e) => presentProblem(e, request.lang)),
      });
    }
    return epcisHeaders(reply).code(202).send(presentCaptureJob(job, request.lang));
  });

  app.get<{ Querystring: { perPage?: string; nextPageToken?: string } }>('/capture', {
    schema: { tags, summary: 'Capture jobs of the caller’s organisation, newest first.' },
  }, async (request, reply) => {
    const perPage = perPageOf(request.query.perPage);
    const after = request.query.nextPageToken ? decodeJobCursor(request.query.nextPageToken) : undefined;
    const jobs = await capture.list(contextOf(request), perPage + 1, after);
    const page = jobs.slice(0, perPage);
    if (jobs.length > perPage) linkNext(reply, request, { perPage: String(perPage), nextPageToken: encodeJobCursor(page[page.length - 1]!) });
    return epcisHeaders(reply).send(page.map((j) => presentCaptureJob(j, request.lang)));
  });

  app.get<{ Params: { captureID: string } }>('/capture/:captureID', {
    schema: { tags, summary: 'One capture job: running, success, and the errors of every failing event.' },
  }, async (request, reply) => epcisHeaders(reply).send(presentCaptureJob(await capture.get(contextOf(request), request.params.captureID), request.lang)));
}
