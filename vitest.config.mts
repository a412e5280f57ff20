import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Tests run server modules as the server does: the marker that keeps them out of the browser is empty there.
      'server-only': fileURLToPath(new URL('node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'machines/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['app/composition.testing.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
