import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves the built portal at /portal/ under a strict CSP (script-src 'self', no eval, no inline
// scripts), so the build must emit only external module scripts. `npm run dev` proxies the API to a local server.
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // No modulepreload polyfill: it would be the one inline-looking helper; every supported browser has it.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3100', '/epcis': 'http://localhost:3100' },
  },
});
