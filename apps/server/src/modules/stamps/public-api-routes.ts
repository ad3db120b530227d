// Public JSON routes of the stamps module (no session lookup): the verification-code check, the resolution as
// JSON (the linkset's recallStatus link) and the opt-in coarse place of a scan.
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../platform/errors.ts';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { placeBody, resolveQuery, verifyBody } from './http-schemas.ts';
import { StampErrors } from './messages.ts';
import { presentTarget } from './presenter.ts';
import type { ResolveService } from './resolver/resolve-service.ts';
import { PageTexts } from './resolver/page-messages.ts';
import type { ScanRecorder } from './scans/scan-recorder.ts';
import { coarsePlace } from './scans/suspicion.ts';
import { userAgentFamily } from './scans/user-agent.ts';
import type { VerifyService } from './verify-service.ts';
import { gs1Message } from '@txng/gs1';

const tags = ['stamps: public'];

export async function publicApiRoutes(app: FastifyInstance, deps: { verify: VerifyService; resolver: ResolveService; recorder: ScanRecorder; perMinute: number }): Promise<void> {
  const { verify, resolver, recorder } = deps;
  const limit = (max: number) => ({ public: true, rateLimit: { max, timeWindow: 60_000 } });

  app.post<{ Body: { uri: string; code: string } }>('/verify', {
    // Per client: a dozen tries a minute is plenty for a person; the stamp itself locks after 5 wrong codes.
    config: limit(12),
    schema: { tags, summary: 'Check the hidden verification code of a stamp. The first correct entry marks it used; later ones answer "already verified on <date>" (and flag the stamp when another client enters it).', body: verifyBody },
  }, async (request) => {
    const result = await verify.verify(request.body, request.clientHash);
    const params = { at: result.verifiedAt?.toISOString() ?? '', left: result.attemptsLeft ?? 0, seconds: result.retryAfterSeconds ?? 0 };
    return {
      outcome: result.outcome,
      serial: result.serial,
      verifiedAt: result.verifiedAt?.toISOString() ?? null,
      attemptsLeft: result.attemptsLeft,
      messages: translateBoth(`PAGE_VERIFY_${result.outcome}`, params),
    };
  });

  app.get<{ Querystring: { uri: string } }>('/resolve', {
    config: limit(deps.perMinute),
    schema: { tags, summary: 'What a GS1 Digital Link or stamp URI stands for, as JSON: status (genuine, suspicious, recalled, void…), product, producer, lot, scan statistics and links. A stamp resolution counts as a scan.', querystring: resolveQuery },
  }, async (request, reply) => {
    const outcome = await resolver.resolve(request.query.uri, { record: { channel: 'api', uaFamily: userAgentFamily(request.headers['user-agent']), clientHash: request.clientHash } });
    if (!outcome.ok) {
      const p = outcome.problem;
      const message = p.gs1 ? { vi: gs1Message(p.gs1, 'vi'), en: gs1Message(p.gs1, 'en') } : undefined;
      throw new AppError(p.status === 400 ? 'invalid' : p.status === 503 ? 'unavailable' : 'not_found', p.gs1 ? StampErrors.STAMP_URI_MALFORMED : p.code, p.gs1 ? { reason: message!.vi } : p.params, [], p.gs1 ? { gs1: { code: p.gs1.code, position: p.gs1.position ?? null, messages: message } } : {});
    }
    reply.header('cache-control', 'no-store');
    return presentTarget(outcome.target, request.lang);
  });

  app.post<{ Params: { id: string }; Body: { latitude: number; longitude: number } }>('/scans/:id/place', {
    config: limit(30),
    schema: { tags, summary: 'Share the approximate place of a scan made in the last ten minutes (rounded to 0.1°, about 11 km); used only to detect copied stamps.', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } }, body: placeBody },
  }, async (request, reply) => {
    const place = coarsePlace(request.body.latitude, request.body.longitude);
    if (!place) throw notFound(StampErrors.STAMP_SCAN_NOT_FOUND);
    // Only the process that served the scan knows it is recent; others still accept and the write matches by id.
    recorder.place({ scanId: request.params.id, ...place });
    return reply.code(202).send({ accepted: true, latitude: place.latitude, longitude: place.longitude, message: translateBoth(PageTexts.PAGE_SHARE_PLACE_DONE) });
  });
}
