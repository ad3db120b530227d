// Every identity response is built here, field by field: database rows never leave the module, and secrets
// (password hashes, TOTP seeds, key hashes) cannot leak by accident.
import { translate, type Lang } from '../../platform/i18n/messages.ts';
import type { apiKeys, auditEvents, notifications, organizations, users } from './tables.ts';

type OrganizationRow = typeof organizations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type ApiKeyRow = typeof apiKeys.$inferSelect;
type AuditRow = typeof auditEvents.$inferSelect;
type NotificationRow = typeof notifications.$inferSelect;

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function presentOrganization(o: OrganizationRow) {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    taxCode: o.taxCode,
    address: o.address,
    communeId: o.communeId,
    representative: o.representative,
    phone: o.phone,
    email: o.email,
    website: o.website,
    sectors: o.sectors,
    gs1CompanyPrefix: o.gs1CompanyPrefix,
    gln: o.gln,
    status: o.status,
    statusReason: o.statusReason,
    decidedAt: iso(o.decidedAt),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    organizationId: u.organizationId,
    email: u.email,
    fullName: u.fullName,
    phone: u.phone,
    role: u.role,
    scope: { sector: u.scopeSector, communeId: u.scopeCommuneId, departmentCode: u.departmentCode },
    status: u.status,
    totpEnabled: u.totpEnabledAt !== null,
    locale: u.locale,
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentApiKey(k: ApiKeyRow, now: Date) {
  const state = k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt <= now ? 'expired' : 'active';
  return {
    id: k.id,
    organizationId: k.organizationId,
    name: k.name,
    prefix: k.prefix,
    permissions: k.permissions,
    state,
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
    lastUsedAt: iso(k.lastUsedAt),
    createdAt: k.createdAt.toISOString(),
  };
}

export function presentAuditEvent(e: AuditRow) {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actor: { type: e.actorType, id: e.actorId, label: e.actorLabel, role: e.actorRole, organizationId: e.actorOrganizationId },
    action: e.action,
    resource: { type: e.resourceType, id: e.resourceId },
    subject: { organizationId: e.subjectOrganizationId, communeId: e.subjectCommuneId, sectors: e.subjectSectors },
    outcome: e.outcome,
    requestId: e.requestId,
    before: e.before,
    after: e.after,
  };
}

export function presentNotification(n: NotificationRow, lang: Lang) {
  return {
    id: n.id,
    kind: n.kind,
    text: translate(n.messageCode, lang, n.params),
    messages: { vi: translate(n.messageCode, 'vi', n.params), en: translate(n.messageCode, 'en', n.params) },
    link: n.link,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}
