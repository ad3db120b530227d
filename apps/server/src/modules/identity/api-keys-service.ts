// API keys for machine clients: shown once, stored as SHA-256 (they carry 256 bits of randomness, so a slow hash
// adds nothing), scoped to one organisation and a permission set, with expiry, revocation and last-used time.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { ApiPermission } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { randomToken, sha256Hex } from '../../platform/security/crypto.ts';
import { API_KEY_PREFIX } from './auth-service.ts';
import { IdentityErrors } from './messages.ts';
import type { OrganizationService } from './organizations-service.ts';
import { canCreateApiKey, canListOrRevokeApiKeys } from './policy.ts';
import { presentApiKey } from './presenter.ts';
import { apiKeys } from './tables.ts';

export type ApiKey = typeof apiKeys.$inferSelect;

export function createApiKeyService(deps: { db: Database; clock: Clock; audit: AuditRecorder; organizations: OrganizationService }) {
  const { db, clock, audit, organizations } = deps;
  return {
    async list(ctx: RequestContext, organizationId: string): Promise<ApiKey[]> {
      const org = await organizations.get(ctx, organizationId);
      if (!canListOrRevokeApiKeys(ctx.actor, org.id)) throw forbidden();
      return db.orm.select().from(apiKeys).where(eq(apiKeys.organizationId, organizationId)).orderBy(desc(apiKeys.createdAt));
    },

    async create(
      ctx: RequestContext,
      organizationId: string,
      input: { name: string; permissions: ApiPermission[]; expiresAt?: string | null },
    ): Promise<{ key: ApiKey; secret: string }> {
      const org = await organizations.get(ctx, organizationId);
      if (!canCreateApiKey(ctx.actor, org.id) || ctx.actor.type !== 'user') throw forbidden();
      if (org.status !== 'approved') throw conflict(IdentityErrors.ORGANIZATION_NOT_APPROVED);
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= clock.now()) {
        throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/expiresAt', code: IdentityErrors.API_KEY_EXPIRY_PAST }]);
      }
      const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
      const createdBy = ctx.actor.userId;
      const key = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({
            organizationId,
            name: input.name.normalize('NFC').trim(),
            prefix: secret.slice(0, 12),
            keyHash: sha256Hex(secret),
            permissions: [...new Set(input.permissions)],
            expiresAt,
            createdBy,
          })
          .returning();
        await audit.record(tx, ctx, {
          action: 'api_key.create',
          resourceType: 'api_key',
          resourceId: row!.id,
          subject: { organizationId, communeId: org.communeId, sectors: org.sectors },
          after: presentApiKey(row!, clock.now()),
        });
        return row!;
      });
      return { key, secret };
    },

    async revoke(ctx: RequestContext, organizationId: string, keyId: string): Promise<ApiKey> {
      const org = await organizations.get(ctx, organizationId);
      if (!canListOrRevokeApiKeys(ctx.actor, org.id)) throw forbidden();
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(apiKeys).where(and(eq(apiKeys.id, keyId), eq(apiKeys.organizationId, organizationId))).for('update');
        if (!before) throw notFound(IdentityErrors.API_KEY_NOT_FOUND);
        const [after] = await tx
          .update(apiKeys)
          .set({ revokedAt: clock.now() })
          .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
          .returning();
        const result = after ?? before;
        await audit.record(tx, ctx, {
          action: 'api_key.revoke',
          resourceType: 'api_key',
          resourceId: keyId,
          subject: { organizationId, communeId: org.communeId, sectors: org.sectors },
          before: presentApiKey(before, clock.now()),
          after: presentApiKey(result, clock.now()),
        });
        return result;
      });
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
