import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { glossary } from './glossary/vite-plugin.ts';

export default defineConfig({
  plugins: [preact(), glossary()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', '{content,components,glossary}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Real browsers on a 2-core machine: one file at a time keeps timings honest and runs stable.
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
