import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { glossary } from './glossary/vite-plugin.ts';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node 20 (these machines) lacks Map.groupBy / Object.groupBy, which Vitest 5 uses when it prints failures.
const groupBy = <T, K>(items: Iterable<T>, key: (item: T, index: number) => K) => {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};
const MapWithGroupBy = Map as unknown as { groupBy?: typeof groupBy };
MapWithGroupBy.groupBy ??= groupBy;
const ObjectWithGroupBy = Object as unknown as { groupBy?: (items: Iterable<unknown>, key: (item: unknown, index: number) => PropertyKey) => object };
ObjectWithGroupBy.groupBy ??= (items, key) => Object.fromEntries(groupBy(items, key));

export default defineConfig({
  plugins: [preact(), glossary()],
  test: {
    projects: [
      {
        extends: true,
        // fakeBrowser stands in for the extension APIs (storage, tabs, action) in unit tests.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
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
