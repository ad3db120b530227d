import type { ThemeConfig } from 'antd';

// Sơn La green; contrast of text on it and of links on white meets WCAG 2.1 AA (4.5:1).
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f43',
    colorLink: '#1a5e39',
    borderRadius: 6,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
};
