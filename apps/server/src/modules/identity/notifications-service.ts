// In-app notifications, plus an e-mail through the outbox when the recipient has an address.
import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Database, Orm } from '../../platform/db/database.ts';
import { enqueueMail } from '../../platform/mail/mailer.ts';
import { notifications, users } from './tables.ts';

export interface Notice {
  readonly kind: string;
  readonly messageCode: string;
  readonly params: Record<string, unknown>;
  readonly link?: string;
  /** When set, an e-mail with this subject is queued for each recipient. */
  readonly mailSubjectCode?: string;
}

export type NotificationRow = typeof notifications.$inferSelect;

export function createNotificationService(deps: { db: Database }) {
  async function notifyUsers(tx: Orm, recipients: { id: string; email: string; locale: 'vi' | 'en'; organizationId: string | null }[], notice: Notice): Promise<void> {
    if (recipients.length === 0) return;
    await tx.insert(notifications).values(
      recipients.map((r) => ({ userId: r.id, kind: notice.kind, messageCode: notice.messageCode, params: notice.params, link: notice.link ?? null })),
    );
    if (notice.mailSubjectCode) {
      for (const r of recipients) {
        await enqueueMail(tx, { to: r.email, subjectCode: notice.mailSubjectCode, bodyCode: notice.messageCode, params: notice.params, lang: r.locale, organizationId: r.organizationId });
      }
    }
  }

  const recipientColumns = { id: users.id, email: users.email, locale: users.locale, organizationId: users.organizationId };

  return {
    notifyUsers,

    /** Admins of an organisation (pending ones too, e.g. to tell applicants the decision). */
    async notifyOrganizationAdmins(tx: Orm, organizationId: string, notice: Notice, includePending = false): Promise<void> {
      const recipients = await tx
        .select(recipientColumns)
        .from(users)
        .where(and(eq(users.organizationId, organizationId), eq(users.role, 'org_admin'), inArray(users.status, includePending ? ['active', 'pending'] : ['active'])));
      await notifyUsers(tx, recipients, notice);
    },

    /** Officials whose scope covers an organisation placed in this commune and these sectors. */
    async notifyOfficialsInCharge(tx: Orm, placement: { communeId: number; sectors: readonly string[] }, notice: Notice): Promise<void> {
      const conditions: SQL[] = [eq(users.role, 'province_admin'), and(eq(users.role, 'commune_officer'), eq(users.scopeCommuneId, placement.communeId))!];
      if (placement.sectors.length) conditions.push(and(eq(users.role, 'sector_officer'), inArray(users.scopeSector, [...placement.sectors] as never[]))!);
      const recipients = await tx.select(recipientColumns).from(users).where(and(eq(users.status, 'active'), or(...conditions)));
      await notifyUsers(tx, recipients, notice);
    },

    async listForUser(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
      return deps.db.orm
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt))
        .limit(limit);
    },

    async unreadCount(userId: string): Promise<number> {
      const [row] = await deps.db.orm.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return Number(row?.n ?? 0);
    },

    async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
      const rows = await deps.db.orm
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
