// identity: organisations, users, roles and scopes, sessions, API keys, audit log. Other modules import only this file.
import { fileURLToPath } from 'node:url';

export const identityModule = { name: 'identity', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export { createAuditRecorder, createAuditService, type AuditService } from './audit-service.ts';
export { createAuthService, type AuthService, SESSION_COOKIE } from './auth-service.ts';
export { createApiKeyService, type ApiKeyService } from './api-keys-service.ts';
export { createNotificationService, type NotificationService } from './notifications-service.ts';
export { createOrganizationService, type OrganizationService, type Organization } from './organizations-service.ts';
export { createUserService, type UserService, type User } from './users-service.ts';
export { registerAuthentication } from './authenticate.ts';
export { authRoutes } from './auth-routes.ts';
export { organizationRoutes } from './organization-routes.ts';
export { peopleRoutes } from './people-routes.ts';
export { presentOrganization, presentUser } from './presenter.ts';
export { IdentityErrors } from './messages.ts';
export { totpCode } from './totp.ts';
export * as identityTables from './tables.ts';
