// The operator console: React + Mantine, built to dist/console, which the gateway serves at /console.
// No React plugin: Vite 8 compiles TSX itself with Oxc (automatic JSX runtime, no Fast Refresh).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  logLevel: 'warn',
  // Not node_modules/.vite: node_modules may be shared between checkouts.
  cacheDir: fileURLToPath(new URL('../../.data/vite', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components, which a plain SPA has none of.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/console/dev-token': 'http://localhost:3000' } },
});
