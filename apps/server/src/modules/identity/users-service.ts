// People: an organisation's users (managed by its admins) and officials (managed by the province administrator).
import { and, asc, count, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import { OFFICIAL_ROLES, type OfficialRole, type OrganizationRole, type Sector } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { GeoService } from '../geo/index.ts';
import type { AuthService } from './auth-service.ts';
import { IdentityErrors, IdentityNotices } from './messages.ts';
import type { NotificationService } from './notifications-service.ts';
import type { OrganizationService } from './organizations-service.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { canListUsers, canManageOfficials, canManageUsers } from './policy.ts';
import { presentUser } from './presenter.ts';
import { users } from './tables.ts';
import { foldForSearch } from '../../platform/text/fold.ts';
import { emailProblem, normalizeEmail, normalizePhone, phoneProblem } from './validation.ts';

export type User = typeof users.$inferSelect;

export interface NewPerson {
  readonly email: string;
  readonly fullName: string;
  readonly phone?: string | null;
  readonly password?: string;
  readonly locale?: 'vi' | 'en';
}

export interface NewOrganizationUser extends NewPerson {
  readonly role: OrganizationRole;
}

export interface NewOfficial extends NewPerson {
  readonly role: OfficialRole;
  readonly sector?: Sector | null;
  readonly communeId?: number | null;
  readonly departmentCode?: string | null;
}

export interface UserPatch {
  readonly fullName?: string;
  readonly phone?: string | null;
  readonly role?: string;
  readonly status?: 'active' | 'disabled';
  readonly sector?: Sector | null;
  readonly communeId?: number | null;
  readonly departmentCode?: string | null;
}

export interface CreatedUser {
  readonly user: User;
  /** When no password was given: a one-time link for the person to choose one (also e-mailed). */
  readonly setupLink: string | null;
}

export function createUserService(deps: {
  db: Database;
  clock: Clock;
  audit: AuditRecorder;
  geo: GeoService;
  auth: AuthService;
  organizations: OrganizationService;
  notifications: NotificationService;
}) {
  const { db, clock, audit, geo, auth, organizations, notifications } = deps;

  function personProblems(input: NewPerson): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const e = emailProblem(input.email);
    if (e) problems.push({ pointer: '/email', code: e });
    if (input.phone) {
      const p = phoneProblem(input.phone);
      if (p) problems.push({ pointer: '/phone', code: p });
    }
    if (input.password !== undefined) {
      const p = passwordProblem(input.password, input.email);
      if (p) problems.push({ pointer: '/password', code: p });
    }
    return problems;
  }

  async function officialScopeProblems(role: string, sector: Sector | null | undefined, communeId: number | null | undefined): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (role === 'sector_officer' && !sector) problems.push({ pointer: '/sector', code: IdentityErrors.ROLE_SCOPE_INVALID, params: { role, needed: 'sector' } });
    if (role === 'commune_officer' && !communeId) problems.push({ pointer: '/communeId', code: IdentityErrors.ROLE_SCOPE_INVALID, params: { role, needed: 'communeId' } });
    if (role === 'province_admin' && (sector || communeId)) problems.push({ pointer: '/role', code: IdentityErrors.ROLE_SCOPE_INVALID, params: { role, needed: '-' } });
    if (communeId && !(await geo.getUnit(communeId))) problems.push({ pointer: '/communeId', code: 'GEO_UNIT_NOT_FOUND', params: { id: communeId } });
    return problems;
  }

  async function insertPerson(
    tx: Orm,
    ctx: RequestContext,
    input: NewPerson,
    fields: Pick<User, 'role' | 'organizationId' | 'scopeSector' | 'scopeCommuneId' | 'departmentCode'>,
  ): Promise<CreatedUser> {
    const emailNormalized = normalizeEmail(input.email);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.emailNormalized, emailNormalized));
    if (taken) throw conflict(IdentityErrors.EMAIL_TAKEN, { email: emailNormalized }, [{ pointer: '/email', code: IdentityErrors.EMAIL_TAKEN, params: { email: emailNormalized } }]);
    const now = clock.now();
    const [user] = await tx
      .insert(users)
      .values({
        ...fields,
        email: input.email.trim(),
        emailNormalized,
        fullName: input.fullName.normalize('NFC').trim(),
        phone: input.phone ? normalizePhone(input.phone) : null,
        status: 'active',
        passwordHash: input.password ? await hashPassword(input.password) : null,
        passwordChangedAt: input.password ? now : null,
        locale: input.locale ?? 'vi',
        createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
      })
      .returning();
    let setupLink: string | null = null;
    if (!input.password) {
      setupLink = await auth.issueSetupLink(tx, user!.id);
      await notifications.notifyUsers(tx, [user!], {
        kind: 'account.created',
        messageCode: IdentityNotices.NOTICE_ACCOUNT_CREATED,
        params: { link: setupLink },
        mailSubjectCode: IdentityNotices.MAIL_SUBJECT_ACCOUNT,
      });
    }
    await audit.record(tx, ctx, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: user!.id,
      subject: { organizationId: user!.organizationId, communeId: user!.scopeCommuneId, sectors: user!.scopeSector ? [user!.scopeSector] : [] },
      after: presentUser(user!),
    });
    return { user: user!, setupLink };
  }

  async function lockUser(tx: Orm, id: string, where?: SQL): Promise<User> {
    const [user] = await tx.select().from(users).where(and(eq(users.id, id), where)).for('update');
    if (!user) throw notFound(IdentityErrors.USER_NOT_FOUND);
    return user;
  }

  async function activeAdminCount(tx: Orm, organizationId: string, exceptId: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, 'org_admin'), eq(users.status, 'active'), ne(users.id, exceptId)));
    return Number(row?.n ?? 0);
  }

  return {
    async listOrganizationUsers(ctx: RequestContext, organizationId: string): Promise<User[]> {
      const org = await organizations.get(ctx, organizationId);
      if (!canListUsers(ctx.actor, org)) throw forbidden();
      return db.orm.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.createdAt));
    },

    async createOrganizationUser(ctx: RequestContext, organizationId: string, input: NewOrganizationUser): Promise<CreatedUser> {
      const org = await organizations.get(ctx, organizationId);
      if (!canManageUsers(ctx.actor, org.id)) throw forbidden();
      if (org.status !== 'approved') throw conflict(IdentityErrors.ORGANIZATION_NOT_APPROVED);
      const problems = personProblems(input);
      if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
      return db.transaction((tx) =>
        insertPerson(tx, ctx, input, { role: input.role, organizationId, scopeSector: null, scopeCommuneId: null, departmentCode: null }),
      );
    },

    async updateOrganizationUser(ctx: RequestContext, organizationId: string, userId: string, patch: UserPatch): Promise<User> {
      const org = await organizations.get(ctx, organizationId);
      if (!canManageUsers(ctx.actor, org.id)) throw forbidden();
      if (patch.role !== undefined && patch.role !== 'org_admin' && patch.role !== 'org_staff') {
        throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/role', code: CommonErrors.FIELD_ENUM, params: { allowed: 'org_admin, org_staff' } }]);
      }
      if (patch.sector !== undefined || patch.communeId !== undefined || patch.departmentCode !== undefined) throw forbidden();
      if (patch.phone) {
        const p = phoneProblem(patch.phone);
        if (p) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/phone', code: p }]);
      }
      return db.transaction(async (tx) => {
        const before = await lockUser(tx, userId, eq(users.organizationId, organizationId));
        const losesAdmin = before.role === 'org_admin' && before.status === 'active' && (patch.role === 'org_staff' || patch.status === 'disabled');
        if (losesAdmin && (await activeAdminCount(tx, organizationId, userId)) === 0) throw conflict(IdentityErrors.LAST_ADMIN);
        const [after] = await tx
          .update(users)
          .set({
            ...(patch.fullName !== undefined ? { fullName: patch.fullName.normalize('NFC').trim() } : {}),
            ...(patch.phone !== undefined ? { phone: patch.phone ? normalizePhone(patch.phone) : null } : {}),
            ...(patch.role !== undefined ? { role: patch.role as OrganizationRole } : {}),
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(users.id, userId))
          .returning();
        if (patch.status === 'disabled' || (patch.role && patch.role !== before.role)) await auth.revokeUserSessions(tx, userId);
        await audit.record(tx, ctx, {
          action: 'user.update',
          resourceType: 'user',
          resourceId: userId,
          subject: { organizationId, communeId: org.communeId, sectors: org.sectors },
          before: presentUser(before),
          after: presentUser(after!),
        });
        return after!;
      });
    },

    async listOfficials(ctx: RequestContext, filter: { role?: OfficialRole; sector?: Sector; communeId?: number; q?: string }): Promise<User[]> {
      if (!canManageOfficials(ctx.actor)) throw forbidden();
      const rows = await db.orm
        .select()
        .from(users)
        .where(
          and(
            inArray(users.role, [...OFFICIAL_ROLES]),
            filter.role ? eq(users.role, filter.role) : undefined,
            filter.sector ? eq(users.scopeSector, filter.sector) : undefined,
            filter.communeId ? eq(users.scopeCommuneId, filter.communeId) : undefined,
          ),
        )
        .orderBy(asc(users.role), asc(users.fullName));
      if (!filter.q) return rows;
      // A few hundred officials at most: folding in memory keeps the name column free of a derived copy.
      const q = foldForSearch(filter.q);
      return rows.filter((u) => foldForSearch(`${u.fullName} ${u.email}`).includes(q));
    },

    async createOfficial(ctx: RequestContext, input: NewOfficial): Promise<CreatedUser> {
      if (ctx.actor.type !== 'system' && !canManageOfficials(ctx.actor)) throw forbidden();
      const problems = [...personProblems(input), ...(await officialScopeProblems(input.role, input.sector, input.communeId))];
      if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
      return db.transaction((tx) =>
        insertPerson(tx, ctx, input, {
          role: input.role,
          organizationId: null,
          scopeSector: input.sector ?? null,
          scopeCommuneId: input.communeId ?? null,
          departmentCode: input.departmentCode ?? null,
        }),
      );
    },

    async updateOfficial(ctx: RequestContext, userId: string, patch: UserPatch & { resetTotp?: boolean }): Promise<User> {
      if (!canManageOfficials(ctx.actor)) throw forbidden();
      return db.transaction(async (tx) => {
        const before = await lockUser(tx, userId, inArray(users.role, [...OFFICIAL_ROLES]));
        const role = (patch.role ?? before.role) as OfficialRole;
        if (!(OFFICIAL_ROLES as readonly string[]).includes(role)) {
          throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/role', code: CommonErrors.FIELD_ENUM, params: { allowed: OFFICIAL_ROLES.join(', ') } }]);
        }
        const sector = patch.sector !== undefined ? patch.sector : before.scopeSector;
        const communeId = patch.communeId !== undefined ? patch.communeId : before.scopeCommuneId;
        const problems = await officialScopeProblems(role, sector, communeId);
        if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
        if (ctx.actor.type === 'user' && ctx.actor.userId === userId && (patch.status === 'disabled' || role !== before.role)) throw forbidden();
        const [after] = await tx
          .update(users)
          .set({
            ...(patch.fullName !== undefined ? { fullName: patch.fullName.normalize('NFC').trim() } : {}),
            ...(patch.phone !== undefined ? { phone: patch.phone ? normalizePhone(patch.phone) : null } : {}),
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            ...(patch.departmentCode !== undefined ? { departmentCode: patch.departmentCode } : {}),
            ...(patch.resetTotp ? { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null } : {}),
            role,
            scopeSector: sector,
            scopeCommuneId: communeId,
            updatedAt: clock.now(),
          })
          .where(eq(users.id, userId))
          .returning();
        if (patch.status === 'disabled' || patch.resetTotp || role !== before.role || sector !== before.scopeSector || communeId !== before.scopeCommuneId) {
          await auth.revokeUserSessions(tx, userId);
        }
        await audit.record(tx, ctx, { action: 'user.update', resourceType: 'user', resourceId: userId, before: presentUser(before), after: presentUser(after!) });
        return after!;
      });
    },

    async findByEmail(email: string): Promise<User | undefined> {
      const [user] = await db.orm.select().from(users).where(eq(users.emailNormalized, normalizeEmail(email)));
      return user;
    },

    async get(userId: string): Promise<User | undefined> {
      const [user] = await db.orm.select().from(users).where(eq(users.id, userId));
      return user;
    },

    /** Sets a password directly (CLI `txng reset-password`, run by an operator on the server). */
    async setPassword(ctx: RequestContext, userId: string, password: string): Promise<void> {
      const [user] = await db.orm.select().from(users).where(eq(users.id, userId));
      if (!user) throw notFound(IdentityErrors.USER_NOT_FOUND);
      const problem = passwordProblem(password, user.email);
      if (problem) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/password', code: problem }]);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: await hashPassword(password), passwordChangedAt: clock.now(), failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
        await auth.revokeUserSessions(tx, userId);
        await audit.record(tx, ctx, { action: 'auth.password.set', resourceType: 'user', resourceId: userId, subject: { organizationId: user.organizationId } });
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
