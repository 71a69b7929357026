import { defineConfig } from 'vite';
import { clientSource } from './vite.config.ts';

// The embeddable <trygghet-events> web component: one small self-contained script, no React.
export default defineConfig({
  resolve: { alias: { '@trygghet/client': clientSource } },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: 'src/widget/trygghet-events.ts',
      formats: ['iife'],
      name: 'TrygghetEvents',
      fileName: () => 'trygghet-events.js',
    },
  },
});
