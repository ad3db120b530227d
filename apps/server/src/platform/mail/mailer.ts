// E-mail goes through the outbox (topic `mail.send`): the message is committed with the change that causes it,
// then sent by a worker through SMTP when SMTP_URL is set. Without SMTP the row stays as the record of what
// would have been sent, and users see the same text as an in-app notification.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Orm } from '../db/database.ts';
import { translate, type Lang } from '../i18n/messages.ts';
import { enqueue, type OutboxHandler } from '../outbox/outbox.ts';

export const MAIL_TOPIC = 'mail.send';

export interface MailRequest {
  readonly to: string;
  readonly subjectCode: string;
  readonly bodyCode: string;
  readonly params: Record<string, unknown>;
  readonly lang: Lang;
  readonly organizationId?: string | null;
}

export function enqueueMail(tx: Orm, mail: MailRequest): Promise<void> {
  return enqueue(tx, { topic: MAIL_TOPIC, payload: mail, organizationId: mail.organizationId ?? null });
}

export function createMailHandler(options: { smtpUrl: string | undefined; from: string; log: Logger }): OutboxHandler {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return async (message) => {
    const mail = message.payload as MailRequest;
    if (!transport) {
      options.log.info({ outboxId: message.id, subject: mail.subjectCode }, 'e-mail kept in the outbox: SMTP is not configured');
      return;
    }
    await transport.sendMail({
      from: options.from,
      to: mail.to,
      subject: translate(mail.subjectCode, mail.lang, mail.params),
      text: translate(mail.bodyCode, mail.lang, mail.params),
      headers: { 'X-TXNG-Outbox-Id': String(message.id) },
    });
  };
}
