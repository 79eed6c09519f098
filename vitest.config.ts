import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/.scratch/**'],
    setupFiles: ['tests/setup.ts'],
    reporters: ['default', 'json'],
    // Read by .ci/run for its closing 'N passed, N failed' line.
    outputFile: { json: '.vitest/results.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
