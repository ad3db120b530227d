import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';

export interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
}

export const authApi = {
  login: (body: Credentials) => api.post<Me>('/auth/login', body, { anonymousOk: true }),
  requestPasswordReset: (email: string) => api.post<void>('/auth/password-reset/request', { email }, { anonymousOk: true }),
  confirmPasswordReset: (token: string, password: string) => api.post<void>('/auth/password-reset/confirm', { token, password }, { anonymousOk: true }),
  totpSetup: () => api.post<{ secret: string; otpauthUri: string }>('/auth/totp/setup'),
  totpVerify: (code: string) => api.post<void>('/auth/totp/verify', { code }),
  totpDisable: (password: string, code: string) => api.post<void>('/auth/totp/disable', { password, code }),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password/change', { currentPassword, newPassword }),
};

/** The server's password rule (NIST SP 800-63B §5.1.1.2 as applied there): at least 10 characters. */
export const PASSWORD_MIN_LENGTH = 10;
