// Authentication: password + TOTP sign-in with per-account lockout, database-backed sessions (any server process
// can serve any request), API keys for machines, second-factor enrolment, and password reset by one-time token.
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import { isOfficialRole, type Actor, type ApiPermission, type UserActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../config/config.ts';
import { rows, type Database, type Orm } from '../../platform/db/database.ts';
import { AppError, fieldInvalid } from '../../platform/errors.ts';
import { enqueueMail } from '../../platform/mail/mailer.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { decryptField, encryptField, randomToken, sha256Hex } from '../../platform/security/crypto.ts';
import type { Secrets } from '../../platform/security/secrets.ts';
import { IdentityErrors, IdentityNotices } from './messages.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { organizations, passwordResetTokens, sessions, users } from './tables.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';
import { normalizeEmail } from './validation.ts';

export const SESSION_COOKIE = 'txng_session';
export const API_KEY_PREFIX = 'txng_';
const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MINUTES = 15;
const RESET_TOKEN_MINUTES = 60;
const SETUP_TOKEN_DAYS = 7;

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
  readonly userAgent?: string;
}

export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly user: typeof users.$inferSelect;
  readonly mfaEnrolmentRequired: boolean;
}

export interface ResolvedSession {
  readonly actor: UserActor;
  readonly csrfToken: string;
}

export function createAuthService(deps: { db: Database; clock: Clock; config: Config; secrets: Secrets; audit: AuditRecorder }) {
  const { db, clock, config, secrets, audit } = deps;
  const totpAad = (userId: string) => `totp:${userId}`;

  async function recordFailure(userId: string, failedLogins: number): Promise<void> {
    const lock = failedLogins + 1 >= MAX_FAILED_LOGINS;
    await db.orm
      .update(users)
      .set({
        failedLogins: lock ? 0 : failedLogins + 1,
        ...(lock ? { lockedUntil: new Date(clock.now().getTime() + LOCKOUT_MINUTES * 60_000) } : {}),
      })
      .where(eq(users.id, userId));
  }

  async function auditAuth(ctx: RequestContext, action: string, userId: string | null, outcome: 'success' | 'failed' | 'denied', detail?: unknown): Promise<void> {
    await db.transaction((tx) =>
      audit.record(tx, ctx, { action, resourceType: 'user', resourceId: userId ?? 'unknown', outcome, ...(detail ? { after: detail } : {}) }),
    );
  }

  async function newSession(tx: Orm, userId: string, mfaSatisfied: boolean, userAgent: string | undefined) {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(clock.now().getTime() + config.sessionTtlHours * 3_600_000);
    await tx.insert(sessions).values({
      id: sha256Hex(token),
      userId,
      csrfToken,
      mfaSatisfied,
      expiresAt,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  async function issueToken(tx: Orm, userId: string, purpose: 'reset' | 'setup'): Promise<string> {
    const token = randomToken(32);
    const minutes = purpose === 'reset' ? RESET_TOKEN_MINUTES : SETUP_TOKEN_DAYS * 24 * 60;
    await tx.insert(passwordResetTokens).values({ tokenHash: sha256Hex(token), userId, purpose, expiresAt: new Date(clock.now().getTime() + minutes * 60_000) });
    return token;
  }

  const passwordLink = (token: string) => `${config.publicBaseUrl}/portal/reset-password?token=${encodeURIComponent(token)}`;

  return {
    async login(ctx: RequestContext, input: LoginInput): Promise<LoginResult> {
      const email = normalizeEmail(input.email);
      const [found] = await db.orm
        .select({ user: users, orgStatus: organizations.status, orgReason: organizations.statusReason })
        .from(users)
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(eq(users.emailNormalized, email));
      const now = clock.now();
      if (found?.user.lockedUntil && found.user.lockedUntil > now) {
        await verifyPassword(null, input.password);
        const minutes = Math.ceil((found.user.lockedUntil.getTime() - now.getTime()) / 60_000);
        throw new AppError('rate_limited', IdentityErrors.ACCOUNT_LOCKED, { minutes }, [], { retryAfter: minutes * 60 });
      }
      const passwordOk = await verifyPassword(found?.user.passwordHash ?? null, input.password);
      if (!found || !passwordOk) {
        if (found) await recordFailure(found.user.id, found.user.failedLogins);
        await auditAuth(ctx, 'auth.login', found?.user.id ?? null, 'failed', { reason: 'credentials' });
        throw new AppError('unauthorized', IdentityErrors.INVALID_CREDENTIALS);
      }
      const user = found.user;
      // Status is told only to someone who knows the password.
      if (user.status === 'disabled') throw new AppError('forbidden', IdentityErrors.ACCOUNT_DISABLED);
      if (found.orgStatus === 'rejected') throw new AppError('forbidden', IdentityErrors.ACCOUNT_REJECTED, { reason: found.orgReason ?? '' });
      if (found.orgStatus === 'suspended') throw new AppError('forbidden', IdentityErrors.ACCOUNT_SUSPENDED, { reason: found.orgReason ?? '' });
      if (found.orgStatus === 'pending' || user.status === 'pending') throw new AppError('forbidden', IdentityErrors.ACCOUNT_PENDING);

      let totpStep: number | null = null;
      if (user.totpEnabledAt && user.totpSecretEnc) {
        if (!input.totp) throw new AppError('unauthorized', IdentityErrors.TOTP_REQUIRED, {}, [], { totpRequired: true });
        const secret = decryptField(secrets.fieldEncryption, user.totpSecretEnc, totpAad(user.id));
        totpStep = await checkTotp(secret, input.totp, now, user.totpLastStep);
        if (totpStep === null) {
          await recordFailure(user.id, user.failedLogins);
          await auditAuth(ctx, 'auth.login', user.id, 'failed', { reason: 'totp' });
          throw new AppError('unauthorized', IdentityErrors.TOTP_INVALID, {}, [{ pointer: '/totp', code: IdentityErrors.TOTP_INVALID }], { totpRequired: true });
        }
      }
      const mfaSatisfied = user.totpEnabledAt !== null || !isOfficialRole(user.role);
      return db.transaction(async (tx) => {
        const session = await newSession(tx, user.id, mfaSatisfied, input.userAgent);
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
          .where(eq(users.id, user.id));
        // The sign-in is attributed to the person who signed in, not to the anonymous request that did it.
        const signedIn: RequestContext = {
          ...ctx,
          actor: {
            type: 'user',
            userId: user.id,
            email: user.email,
            role: user.role,
            organizationId: user.organizationId,
            scope: { sector: user.scopeSector, communeId: user.scopeCommuneId, departmentCode: user.departmentCode },
            sessionId: sha256Hex(session.token),
            mfaSatisfied,
          },
        };
        await audit.record(tx, signedIn, {
          action: 'auth.login',
          resourceType: 'user',
          resourceId: user.id,
          subject: { organizationId: user.organizationId },
          after: { mfa: user.totpEnabledAt !== null },
        });
        return { ...session, user, mfaEnrolmentRequired: !mfaSatisfied };
      });
    },

    async resolveSession(token: string): Promise<ResolvedSession | undefined> {
      if (token.length < 20 || token.length > 100) return undefined;
      const id = sha256Hex(token);
      const now = clock.now();
      const [row] = await rows<{
        csrf_token: string;
        mfa_satisfied: boolean;
        last_seen_at: Date;
        user_id: string;
        email: string;
        role: UserActor['role'];
        organization_id: string | null;
        scope_sector: UserActor['scope']['sector'];
        scope_commune_id: number | null;
        department_code: string | null;
        user_status: string;
        org_status: string | null;
      }>(
        db.orm,
        sql`select s.csrf_token, s.mfa_satisfied, s.last_seen_at, u.id as user_id, u.email, u.role, u.organization_id,
                   u.scope_sector, u.scope_commune_id, u.department_code, u.status as user_status, o.status as org_status
            from identity.sessions s
            join identity.users u on u.id = s.user_id
            left join identity.organizations o on o.id = u.organization_id
            where s.id = ${id} and s.revoked_at is null and s.expires_at > ${now}`,
      );
      if (!row) return undefined;
      const lastSeen = new Date(row.last_seen_at);
      if (lastSeen.getTime() + config.sessionIdleMinutes * 60_000 < now.getTime()) return undefined;
      if (row.user_status !== 'active' || (row.organization_id !== null && row.org_status !== 'approved')) return undefined;
      if (now.getTime() - lastSeen.getTime() > 60_000) {
        await db.orm.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
      }
      return {
        csrfToken: row.csrf_token,
        actor: {
          type: 'user',
          userId: row.user_id,
          email: row.email,
          role: row.role,
          organizationId: row.organization_id,
          scope: { sector: row.scope_sector, communeId: row.scope_commune_id, departmentCode: row.department_code },
          sessionId: id,
          mfaSatisfied: row.mfa_satisfied,
        },
      };
    },

    async resolveApiKey(key: string): Promise<Extract<Actor, { type: 'api_key' }> | undefined> {
      if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return undefined;
      const hash = sha256Hex(key);
      const now = clock.now();
      const [row] = await rows<{ id: string; name: string; organization_id: string; permissions: ApiPermission[]; last_used_at: Date | null }>(
        db.orm,
        sql`select k.id, k.name, k.organization_id, k.permissions, k.last_used_at
            from identity.api_keys k join identity.organizations o on o.id = k.organization_id
            where k.key_hash = ${hash} and k.revoked_at is null and (k.expires_at is null or k.expires_at > ${now})
              and o.status = 'approved'`,
      );
      if (!row) return undefined;
      if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
        await db.orm.execute(sql`update identity.api_keys set last_used_at = ${now} where id = ${row.id}`);
      }
      return { type: 'api_key', keyId: row.id, name: row.name, organizationId: row.organization_id, permissions: row.permissions };
    },

    async logout(ctx: RequestContext, actor: UserActor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.update(sessions).set({ revokedAt: clock.now() }).where(eq(sessions.id, actor.sessionId));
        await audit.record(tx, ctx, { action: 'auth.logout', resourceType: 'user', resourceId: actor.userId, subject: { organizationId: actor.organizationId } });
      });
    },

    /** Starts second-factor enrolment: a new secret, kept pending until a code from it is verified. */
    async totpSetup(ctx: RequestContext, actor: UserActor): Promise<{ secret: string; otpauthUri: string }> {
      const [user] = await db.orm.select().from(users).where(eq(users.id, actor.userId));
      if (!user) throw new AppError('not_found', IdentityErrors.USER_NOT_FOUND);
      if (user.totpEnabledAt) throw new AppError('conflict', IdentityErrors.TOTP_ALREADY_ENABLED);
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpPendingEnc: encryptField(secrets.fieldEncryption, secret, totpAad(user.id)), updatedAt: clock.now() }).where(eq(users.id, user.id));
        await audit.record(tx, ctx, { action: 'auth.totp.setup', resourceType: 'user', resourceId: user.id, subject: { organizationId: user.organizationId } });
      });
      return { secret, otpauthUri: totpUri(secret, user.email) };
    },

    /** Confirms enrolment with a code from the new secret; the current session then counts as second-factor verified. */
    async totpVerify(ctx: RequestContext, actor: UserActor, code: string): Promise<void> {
      const [user] = await db.orm.select().from(users).where(eq(users.id, actor.userId));
      if (!user?.totpPendingEnc) throw new AppError('conflict', IdentityErrors.TOTP_NOT_STARTED);
      const secret = decryptField(secrets.fieldEncryption, user.totpPendingEnc, totpAad(user.id));
      const step = await checkTotp(secret, code, clock.now(), null);
      if (step === null) throw fieldInvalid('/code', IdentityErrors.TOTP_INVALID);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecretEnc: user.totpPendingEnc, totpPendingEnc: null, totpEnabledAt: clock.now(), totpLastStep: step, updatedAt: clock.now() })
          .where(eq(users.id, user.id));
        await tx.update(sessions).set({ mfaSatisfied: true }).where(eq(sessions.id, actor.sessionId));
        await audit.record(tx, ctx, { action: 'auth.totp.enable', resourceType: 'user', resourceId: user.id, subject: { organizationId: user.organizationId } });
      });
    },

    /** Businesses may turn the second factor off (with password and a current code); officials may not. */
    async totpDisable(ctx: RequestContext, actor: UserActor, password: string, code: string): Promise<void> {
      if (isOfficialRole(actor.role)) throw new AppError('forbidden', IdentityErrors.TOTP_REQUIRED_FOR_OFFICIALS);
      const [user] = await db.orm.select().from(users).where(eq(users.id, actor.userId));
      if (!user?.totpSecretEnc) throw new AppError('conflict', IdentityErrors.TOTP_NOT_STARTED);
      if (!(await verifyPassword(user.passwordHash, password))) throw fieldInvalid('/password', IdentityErrors.INVALID_CREDENTIALS);
      const secret = decryptField(secrets.fieldEncryption, user.totpSecretEnc, totpAad(user.id));
      if ((await checkTotp(secret, code, clock.now(), user.totpLastStep)) === null) throw fieldInvalid('/code', IdentityErrors.TOTP_INVALID);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, updatedAt: clock.now() }).where(eq(users.id, user.id));
        await audit.record(tx, ctx, { action: 'auth.totp.disable', resourceType: 'user', resourceId: user.id, subject: { organizationId: user.organizationId } });
      });
    },

    /** Always succeeds from the caller's view, so that it does not reveal which addresses have accounts. */
    async requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
      const [user] = await db.orm.select().from(users).where(and(eq(users.emailNormalized, normalizeEmail(email)), eq(users.status, 'active')));
      await db.transaction(async (tx) => {
        if (user) {
          const token = await issueToken(tx, user.id, 'reset');
          await enqueueMail(tx, {
            to: user.email,
            subjectCode: IdentityNotices.MAIL_SUBJECT_ACCOUNT,
            bodyCode: IdentityNotices.NOTICE_PASSWORD_RESET,
            params: { link: passwordLink(token) },
            lang: user.locale,
            organizationId: user.organizationId,
          });
        }
        await audit.record(tx, ctx, { action: 'auth.password.reset_request', resourceType: 'user', resourceId: user?.id ?? 'unknown', outcome: user ? 'success' : 'failed' });
      });
    },

    async confirmPasswordReset(ctx: RequestContext, token: string, password: string): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ token: passwordResetTokens, user: users })
          .from(passwordResetTokens)
          .innerJoin(users, eq(users.id, passwordResetTokens.userId))
          .where(and(eq(passwordResetTokens.tokenHash, sha256Hex(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
          .for('update');
        if (!row) throw fieldInvalid('/token', IdentityErrors.RESET_TOKEN_INVALID);
        const problem = passwordProblem(password, row.user.email);
        if (problem) throw fieldInvalid('/password', problem);
        await tx.update(passwordResetTokens).set({ usedAt: now }).where(eq(passwordResetTokens.tokenHash, row.token.tokenHash));
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(password), passwordChangedAt: now, failedLogins: 0, lockedUntil: null, updatedAt: now })
          .where(eq(users.id, row.user.id));
        // A new password ends every existing session of the account.
        await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, row.user.id), isNull(sessions.revokedAt)));
        await audit.record(tx, ctx, { action: `auth.password.${row.token.purpose}`, resourceType: 'user', resourceId: row.user.id, subject: { organizationId: row.user.organizationId } });
      });
    },

    async changePassword(ctx: RequestContext, actor: UserActor, current: string, next: string): Promise<void> {
      const [user] = await db.orm.select().from(users).where(eq(users.id, actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, current))) throw fieldInvalid('/currentPassword', IdentityErrors.INVALID_CREDENTIALS);
      const problem = passwordProblem(next, user.email);
      if (problem) throw fieldInvalid('/newPassword', problem);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: await hashPassword(next), passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
        // Other sessions end; the one that changed the password stays.
        await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, actor.sessionId)));
        await audit.record(tx, ctx, { action: 'auth.password.change', resourceType: 'user', resourceId: user.id, subject: { organizationId: user.organizationId } });
      });
    },

    /** A link for a new account to choose its password (shown once to the creating admin, and e-mailed). */
    async issueSetupLink(tx: Orm, userId: string): Promise<string> {
      return passwordLink(await issueToken(tx, userId, 'setup'));
    },

    /** Enrols a known TOTP secret without the verify round trip (operator CLI and demo accounts only). */
    async enrolTotpDirectly(ctx: RequestContext, userId: string, secret: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecretEnc: encryptField(secrets.fieldEncryption, secret, totpAad(userId)), totpPendingEnc: null, totpEnabledAt: clock.now(), totpLastStep: null })
          .where(eq(users.id, userId));
        await audit.record(tx, ctx, { action: 'auth.totp.enable', resourceType: 'user', resourceId: userId });
      });
    },

    async revokeUserSessions(tx: Orm, userId: string): Promise<void> {
      await tx.update(sessions).set({ revokedAt: clock.now() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
