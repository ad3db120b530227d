// Demo data for a first `npm start`: fictional but plausible Sơn La organisations and one official of each
// department (shared/data/sonla/facts.md). Seeded only into an empty database and never in production. Every
// record goes through the same services as real use, so the demo exercises the real rules.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import type { OfficialRole, Sector, UserActor } from '../../platform/auth/actor.ts';
import { systemContext, type RequestContext } from '../../platform/request-context.ts';
import type { System } from '../system.ts';
import { base32 } from './base32.ts';
import { seedCatalogDemo } from './catalog-demo.ts';
import { seedStampsDemo } from './stamps-demo.ts';
import { DEMO_OFFICIALS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PENDING } from './demo-data.ts';

export interface DemoAccount {
  readonly email: string;
  readonly role: string;
  readonly label: string;
  readonly totpSecret: string | null;
}

export interface DemoSummary {
  readonly seededNow: boolean;
  readonly password: string;
  readonly accounts: DemoAccount[];
}

/** Each demo official's TOTP secret is derived from the installation's secret, so it is stable across restarts. */
export function demoTotpSecret(email: string, pseudonymKey: Buffer): string {
  return base32(createHmac('sha256', pseudonymKey).update(`demo-totp:${email}`).digest().subarray(0, 20));
}

function actorFor(user: { id: string; email: string; role: string; organizationId: string | null; scopeSector: string | null; scopeCommuneId: number | null; departmentCode: string | null }): RequestContext {
  const actor: UserActor = {
    type: 'user',
    userId: user.id,
    email: user.email,
    role: user.role as UserActor['role'],
    organizationId: user.organizationId,
    scope: { sector: user.scopeSector as Sector | null, communeId: user.scopeCommuneId, departmentCode: user.departmentCode },
    sessionId: 'demo-seed',
    mfaSatisfied: true,
  };
  return { actor, requestId: 'demo-seed', clientHash: null, lang: 'vi' };
}

export async function seedDemoIfEmpty(system: System, config: Config, pseudonymKey: Buffer): Promise<DemoSummary> {
  if (!config.demo) throw new Error('demo data is never seeded outside demo mode');
  const { services } = system;
  const ctx = systemContext('demo-seed');
  const accounts: DemoAccount[] = [];
  const alreadySeeded = (await services.users.findByEmail(DEMO_OFFICIALS[0]!.email)) !== undefined;
  const communeId = async (name: string): Promise<number> => {
    const [unit] = await services.geo.listUnits({ q: name });
    if (!unit) throw new Error(`demo data names an unknown commune: ${name}`);
    return unit.id;
  };

  let adminCtx: RequestContext | undefined;
  for (const o of DEMO_OFFICIALS) {
    const secret = demoTotpSecret(o.email, pseudonymKey);
    accounts.push({ email: o.email, role: o.role, label: o.label, totpSecret: secret });
    if (alreadySeeded) continue;
    const { user } = await services.users.createOfficial(ctx, {
      email: o.email,
      fullName: o.fullName,
      password: DEMO_PASSWORD,
      role: o.role as OfficialRole,
      sector: (o.sector ?? null) as Sector | null,
      communeId: o.commune ? await communeId(o.commune) : null,
      departmentCode: o.department,
    });
    await services.auth.enrolTotpDirectly(ctx, user.id, secret);
    if (o.role === 'province_admin') adminCtx = actorFor(user);
  }

  for (const org of [...DEMO_ORGANIZATIONS, DEMO_PENDING]) {
    accounts.push({ email: org.admin.email, role: 'org_admin', label: org.name, totpSecret: null });
    if (alreadySeeded) continue;
    const registered = await services.organizations.register(ctx, {
      organization: { ...org.organization, name: org.name, communeId: await communeId(org.commune) },
      admin: { ...org.admin, password: DEMO_PASSWORD },
      acceptTerms: true,
    });
    if (org !== DEMO_PENDING) await services.organizations.decide(adminCtx!, registered.id, 'approve');
  }
  if (!alreadySeeded) await seedCatalogDemo(system);
  if (!alreadySeeded) await seedStampsDemo(system, config);
  return { seededNow: !alreadySeeded, password: DEMO_PASSWORD, accounts };
}

export function demoBanner(summary: DemoSummary, config: Config): string {
  const lines = [
    '',
    '──────────────────────────────────────────────────────────────────────────────',
    ` TXNG Sơn La — demo mode${summary.seededNow ? ' (demo data was just created)' : ''}`,
    ` Portal:   ${config.publicBaseUrl}/portal/`,
    ` API docs: ${config.publicBaseUrl}/api/docs`,
    ` Password of every demo account: ${summary.password}`,
    ' Officials also need a 6-digit code: add the secret to an authenticator app,',
    '   or run `npx txng totp-code <email>`.',
    '',
  ];
  for (const a of summary.accounts) {
    lines.push(`  ${a.email.padEnd(38)} ${a.role.padEnd(16)} ${a.label}${a.totpSecret ? `\n  ${''.padEnd(38)} TOTP secret: ${a.totpSecret}` : ''}`);
  }
  lines.push('──────────────────────────────────────────────────────────────────────────────', '');
  return lines.join('\n');
}
