// Organisations: registration by anyone, decisions by officials, scoped reads, edits by their admins.
import { and, arrayContains, asc, count, desc, eq, like, ne, or, type SQL } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Sector } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { escapeLike, foldForSearch } from '../../platform/text/fold.ts';
import type { GeoService } from '../geo/index.ts';
import { IdentityErrors, IdentityNotices } from './messages.ts';
import type { NotificationService } from './notifications-service.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import {
  canDecideOrganization,
  canViewOrganization,
  organizationEditScope,
  organizationListScope,
  placementOf,
  registrationListScope,
} from './policy.ts';
import { presentOrganization } from './presenter.ts';
import { organizations, users, type OrganizationKind, type OrganizationStatus } from './tables.ts';
import { emailProblem, gs1PrefixProblem, glnProblem, normalizeEmail, normalizePhone, phoneProblem, taxCodeProblem } from './validation.ts';

export type Organization = typeof organizations.$inferSelect;

export interface OrganizationInput {
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly taxCode?: string | null;
  readonly address: string;
  readonly communeId: number;
  readonly representative: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly website?: string | null;
  readonly sectors: Sector[];
  readonly gs1CompanyPrefix?: string | null;
  readonly gln?: string | null;
}

export interface RegistrationInput {
  readonly organization: OrganizationInput;
  readonly admin: { fullName: string; email: string; phone?: string | null; password: string };
  readonly acceptTerms: boolean;
  readonly locale?: 'vi' | 'en';
}

export interface OrganizationListQuery {
  readonly status?: OrganizationStatus;
  readonly q?: string;
  readonly communeId?: number;
  readonly sector?: Sector;
  readonly kind?: OrganizationKind;
  readonly sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
  readonly limit: number;
  readonly offset: number;
}

/** Kinds that must have a tax code; household businesses and individuals may register before they have one. */
const TAX_CODE_REQUIRED: readonly OrganizationKind[] = ['enterprise', 'cooperative', 'cooperative_group', 'state_agency'];

export function createOrganizationService(deps: {
  db: Database;
  clock: Clock;
  audit: AuditRecorder;
  geo: GeoService;
  notifications: NotificationService;
}) {
  const { db, clock, audit, geo, notifications } = deps;

  async function organizationProblems(input: Partial<OrganizationInput>, base: string, partial: boolean): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const add = (field: string, code: string | null, params: Record<string, unknown> = {}) => {
      if (code) problems.push({ pointer: `${base}/${field}`, code, params });
    };
    if (input.taxCode) add('taxCode', taxCodeProblem(input.taxCode));
    else if (!partial && input.kind && TAX_CODE_REQUIRED.includes(input.kind)) add('taxCode', CommonErrors.FIELD_REQUIRED);
    if (input.email) add('email', emailProblem(input.email));
    if (input.phone) add('phone', phoneProblem(input.phone));
    if (input.gs1CompanyPrefix) add('gs1CompanyPrefix', gs1PrefixProblem(input.gs1CompanyPrefix));
    if (input.gln) add('gln', glnProblem(input.gln, input.gs1CompanyPrefix));
    if (input.sectors !== undefined && input.sectors.length === 0) add('sectors', IdentityErrors.SECTOR_REQUIRED);
    if (input.communeId !== undefined && !(await geo.getUnit(input.communeId))) add('communeId', 'GEO_UNIT_NOT_FOUND', { id: input.communeId });
    return problems;
  }

  async function taxCodeTaken(tx: Orm, taxCode: string, exceptId?: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.taxCode, taxCode), ne(organizations.status, 'rejected'), exceptId ? ne(organizations.id, exceptId) : undefined));
    return row !== undefined;
  }

  async function lockOrganization(tx: Orm, id: string): Promise<Organization> {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
    if (!org) throw notFound(IdentityErrors.ORGANIZATION_NOT_FOUND);
    return org;
  }

  function cleanOrganization(input: Partial<OrganizationInput>) {
    const name = input.name?.normalize('NFC').trim();
    return {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(name !== undefined ? { name, nameSearch: foldForSearch(name) } : {}),
      ...(input.taxCode !== undefined ? { taxCode: input.taxCode?.trim() || null } : {}),
      ...(input.address !== undefined ? { address: input.address.normalize('NFC').trim() } : {}),
      ...(input.communeId !== undefined ? { communeId: input.communeId } : {}),
      ...(input.representative !== undefined ? { representative: input.representative.normalize('NFC').trim() } : {}),
      ...(input.phone !== undefined ? { phone: input.phone ? normalizePhone(input.phone) : null } : {}),
      ...(input.email !== undefined ? { email: input.email ? normalizeEmail(input.email) : null } : {}),
      ...(input.website !== undefined ? { website: input.website?.trim() || null } : {}),
      ...(input.sectors !== undefined ? { sectors: [...new Set(input.sectors)] } : {}),
      ...(input.gs1CompanyPrefix !== undefined ? { gs1CompanyPrefix: input.gs1CompanyPrefix || null } : {}),
      ...(input.gln !== undefined ? { gln: input.gln || null } : {}),
    };
  }

  return {
    async register(ctx: RequestContext, input: RegistrationInput): Promise<Organization> {
      const problems = await organizationProblems(input.organization, '/organization', false);
      const adminEmail = normalizeEmail(input.admin.email);
      const emailCode = emailProblem(input.admin.email);
      if (emailCode) problems.push({ pointer: '/admin/email', code: emailCode });
      if (input.admin.phone) {
        const p = phoneProblem(input.admin.phone);
        if (p) problems.push({ pointer: '/admin/phone', code: p });
      }
      const pw = passwordProblem(input.admin.password, adminEmail);
      if (pw) problems.push({ pointer: '/admin/password', code: pw });
      if (!input.acceptTerms) problems.push({ pointer: '/acceptTerms', code: IdentityErrors.TERMS_NOT_ACCEPTED });
      if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
      const passwordHash = await hashPassword(input.admin.password);
      const commune = await geo.requireUnit(input.organization.communeId, '/organization/communeId');

      return db.transaction(async (tx) => {
        const clashes: FieldProblem[] = [];
        if (input.organization.taxCode && (await taxCodeTaken(tx, input.organization.taxCode))) {
          clashes.push({ pointer: '/organization/taxCode', code: IdentityErrors.TAX_CODE_TAKEN, params: { taxCode: input.organization.taxCode } });
        }
        const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.emailNormalized, adminEmail));
        if (existingUser) clashes.push({ pointer: '/admin/email', code: IdentityErrors.EMAIL_TAKEN, params: { email: adminEmail } });
        if (clashes.length) throw conflict(clashes[0]!.code, clashes[0]!.params, clashes);

        const values = cleanOrganization(input.organization);
        const [org] = await tx
          .insert(organizations)
          .values({ ...(values as Required<typeof values>), status: 'pending' })
          .returning();
        const [admin] = await tx
          .insert(users)
          .values({
            organizationId: org!.id,
            email: input.admin.email.trim(),
            emailNormalized: adminEmail,
            fullName: input.admin.fullName.normalize('NFC').trim(),
            phone: input.admin.phone ? normalizePhone(input.admin.phone) : null,
            role: 'org_admin',
            status: 'pending',
            passwordHash,
            passwordChangedAt: clock.now(),
            locale: input.locale ?? 'vi',
          })
          .returning({ id: users.id, email: users.email, locale: users.locale, organizationId: users.organizationId });
        await audit.record(tx, ctx, {
          action: 'organization.register',
          resourceType: 'organization',
          resourceId: org!.id,
          subject: { organizationId: org!.id, communeId: org!.communeId, sectors: org!.sectors },
          after: { organization: presentOrganization(org!), adminUserId: admin!.id },
        });
        const params = { organization: org!.name, commune: commune.name };
        await notifications.notifyOfficialsInCharge(tx, { communeId: org!.communeId, sectors: org!.sectors }, {
          kind: 'registration.submitted',
          messageCode: IdentityNotices.NOTICE_REGISTRATION_SUBMITTED,
          params,
          link: `/portal/registrations/${org!.id}`,
        });
        await notifications.notifyUsers(tx, [admin!], {
          kind: 'registration.received',
          messageCode: IdentityNotices.NOTICE_REGISTRATION_RECEIVED,
          params,
          mailSubjectCode: IdentityNotices.MAIL_SUBJECT_REGISTRATION,
        });
        return org!;
      });
    },

    async list(ctx: RequestContext, q: OrganizationListQuery, registrationsOnly = false): Promise<{ items: Organization[]; total: number }> {
      const scope = registrationsOnly ? registrationListScope(ctx.actor) : organizationListScope(ctx.actor);
      const folded = q.q ? `%${escapeLike(foldForSearch(q.q))}%` : undefined;
      const where: SQL | undefined = and(
        scope,
        q.status ? eq(organizations.status, q.status) : undefined,
        q.kind ? eq(organizations.kind, q.kind) : undefined,
        q.communeId ? eq(organizations.communeId, q.communeId) : undefined,
        q.sector ? arrayContains(organizations.sectors, [q.sector]) : undefined,
        folded ? or(like(organizations.nameSearch, folded), like(organizations.taxCode, folded)) : undefined,
      );
      const order =
        q.sort === 'name' ? asc(organizations.nameSearch) : q.sort === '-name' ? desc(organizations.nameSearch) : q.sort === 'createdAt' ? asc(organizations.createdAt) : desc(organizations.createdAt);
      const [items, [total]] = await Promise.all([
        db.orm.select().from(organizations).where(where).orderBy(order, asc(organizations.id)).limit(q.limit).offset(q.offset),
        db.orm.select({ n: count() }).from(organizations).where(where),
      ]);
      return { items, total: Number(total?.n ?? 0) };
    },

    async get(ctx: RequestContext, id: string): Promise<Organization> {
      const [org] = await db.orm.select().from(organizations).where(eq(organizations.id, id));
      // An organisation outside the actor's scope is reported as missing, so its existence is not revealed.
      if (!org || !canViewOrganization(ctx.actor, org)) throw notFound(IdentityErrors.ORGANIZATION_NOT_FOUND);
      return org;
    },

    /** Internal lookup for other services (no scope check). */
    async findById(id: string): Promise<Organization | undefined> {
      const [org] = await db.orm.select().from(organizations).where(eq(organizations.id, id));
      return org;
    },

    async update(ctx: RequestContext, id: string, patch: Partial<OrganizationInput>): Promise<Organization> {
      const current = await this.get(ctx, id);
      const scope = organizationEditScope(ctx.actor, current);
      if (scope === 'none') throw forbidden();
      if (scope === 'contact') {
        const allowed = new Set(['address', 'representative', 'phone', 'email', 'website', 'gs1CompanyPrefix', 'gln']);
        const denied = Object.keys(patch).filter((k) => !allowed.has(k));
        if (denied.length) {
          throw new AppError('forbidden', CommonErrors.FORBIDDEN, {}, denied.map((k) => ({ pointer: `/${k}`, code: CommonErrors.FORBIDDEN })));
        }
      }
      const merged = { ...current, ...patch };
      const problems = await organizationProblems(
        { ...patch, ...(patch.gln !== undefined || patch.gs1CompanyPrefix !== undefined ? { gln: merged.gln, gs1CompanyPrefix: merged.gs1CompanyPrefix } : {}) },
        '',
        true,
      );
      if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
      return db.transaction(async (tx) => {
        const before = await lockOrganization(tx, id);
        if (patch.taxCode && (await taxCodeTaken(tx, patch.taxCode, id))) {
          throw conflict(IdentityErrors.TAX_CODE_TAKEN, { taxCode: patch.taxCode }, [{ pointer: '/taxCode', code: IdentityErrors.TAX_CODE_TAKEN, params: { taxCode: patch.taxCode } }]);
        }
        const [after] = await tx.update(organizations).set({ ...cleanOrganization(patch), updatedAt: clock.now() }).where(eq(organizations.id, id)).returning();
        await audit.record(tx, ctx, {
          action: 'organization.update',
          resourceType: 'organization',
          resourceId: id,
          subject: { organizationId: id, communeId: after!.communeId, sectors: after!.sectors },
          before: presentOrganization(before),
          after: presentOrganization(after!),
        });
        return after!;
      });
    },

    /** approve | reject a pending registration; suspend | reinstate an approved organisation. */
    async decide(ctx: RequestContext, id: string, decision: 'approve' | 'reject' | 'suspend' | 'reinstate', reason?: string): Promise<Organization> {
      const visible = await this.get(ctx, id);
      if (!canDecideOrganization(ctx.actor, visible)) throw forbidden();
      if ((decision === 'reject' || decision === 'suspend') && !reason?.trim()) {
        throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/reason', code: IdentityErrors.REASON_REQUIRED }]);
      }
      const from: Record<typeof decision, OrganizationStatus> = { approve: 'pending', reject: 'pending', suspend: 'approved', reinstate: 'suspended' };
      const to: Record<typeof decision, OrganizationStatus> = { approve: 'approved', reject: 'rejected', suspend: 'suspended', reinstate: 'approved' };
      return db.transaction(async (tx) => {
        const before = await lockOrganization(tx, id);
        if (before.status !== from[decision]) {
          const code = decision === 'approve' || decision === 'reject' ? IdentityErrors.REGISTRATION_NOT_PENDING : IdentityErrors.ORGANIZATION_STATUS_CONFLICT;
          throw conflict(code, { status: before.status });
        }
        const now = clock.now();
        const [after] = await tx
          .update(organizations)
          .set({
            status: to[decision],
            statusReason: reason?.trim() || null,
            decidedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
            decidedAt: now,
            updatedAt: now,
          })
          .where(eq(organizations.id, id))
          .returning();
        if (decision === 'approve') {
          await tx.update(users).set({ status: 'active', updatedAt: now }).where(and(eq(users.organizationId, id), eq(users.status, 'pending')));
        }
        await audit.record(tx, ctx, {
          action: `organization.${decision}`,
          resourceType: 'organization',
          resourceId: id,
          subject: { organizationId: id, communeId: after!.communeId, sectors: after!.sectors },
          before: presentOrganization(before),
          after: presentOrganization(after!),
        });
        const notice = {
          approve: IdentityNotices.NOTICE_REGISTRATION_APPROVED,
          reject: IdentityNotices.NOTICE_REGISTRATION_REJECTED,
          suspend: IdentityNotices.NOTICE_ORGANIZATION_SUSPENDED,
          reinstate: IdentityNotices.NOTICE_ORGANIZATION_REINSTATED,
        }[decision];
        await notifications.notifyOrganizationAdmins(
          tx,
          id,
          {
            kind: `organization.${decision}`,
            messageCode: notice,
            params: { organization: after!.name, reason: reason?.trim() ?? '' },
            mailSubjectCode: IdentityNotices.MAIL_SUBJECT_REGISTRATION,
          },
          decision === 'reject',
        );
        return after!;
      });
    },

    placement: placementOf,
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
