import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', zod: 'src/zod.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  target: 'node20',
  sourcemap: false,
});
