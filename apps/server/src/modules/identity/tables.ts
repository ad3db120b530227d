import { bigint, boolean, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApiPermission, Role, Sector } from '../../platform/auth/actor.ts';

export const identity = pgSchema('identity');

export const ORGANIZATION_KINDS = ['enterprise', 'cooperative', 'cooperative_group', 'household_business', 'individual', 'state_agency'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];
export type UserStatus = 'pending' | 'active' | 'disabled';

export const organizations = identity.table('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<OrganizationKind>().notNull(),
  name: text('name').notNull(),
  nameSearch: text('name_search').notNull(),
  taxCode: text('tax_code'),
  address: text('address').notNull(),
  communeId: integer('commune_id').notNull(),
  representative: text('representative').notNull(),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  sectors: text('sectors').array().$type<Sector[]>().notNull(),
  gs1CompanyPrefix: text('gs1_company_prefix'),
  gln: text('gln'),
  status: text('status').$type<OrganizationStatus>().notNull(),
  statusReason: text('status_reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = identity.table('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id'),
  email: text('email').notNull(),
  emailNormalized: text('email_normalized').notNull(),
  fullName: text('full_name').notNull(),
  phone: text('phone'),
  role: text('role').$type<Role>().notNull(),
  scopeSector: text('scope_sector').$type<Sector>(),
  scopeCommuneId: integer('scope_commune_id'),
  departmentCode: text('department_code'),
  status: text('status').$type<UserStatus>().notNull(),
  passwordHash: text('password_hash'),
  totpSecretEnc: text('totp_secret_enc'),
  totpPendingEnc: text('totp_pending_enc'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  locale: text('locale').$type<'vi' | 'en'>().notNull().default('vi'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = identity.table('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  mfaSatisfied: boolean('mfa_satisfied').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  userAgent: text('user_agent'),
});

export const apiKeys = identity.table('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  permissions: text('permissions').array().$type<ApiPermission[]>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const passwordResetTokens = identity.table('password_reset_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  purpose: text('purpose').$type<'reset' | 'setup'>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const notifications = identity.table('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  messageCode: text('message_code').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  link: text('link'),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditEvents = identity.table('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  actorType: text('actor_type').$type<'user' | 'api_key' | 'system' | 'anonymous'>().notNull(),
  actorId: text('actor_id'),
  actorLabel: text('actor_label'),
  actorRole: text('actor_role'),
  actorOrganizationId: uuid('actor_organization_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id').notNull(),
  subjectOrganizationId: uuid('subject_organization_id'),
  subjectCommuneId: integer('subject_commune_id'),
  subjectSectors: text('subject_sectors').array().notNull(),
  outcome: text('outcome').$type<'success' | 'denied' | 'failed'>().notNull(),
  requestId: text('request_id'),
  clientHash: text('client_hash'),
  before: jsonb('before'),
  after: jsonb('after'),
});
