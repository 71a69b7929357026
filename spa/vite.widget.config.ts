import { defineConfig } from 'vite';
import { clientSource } from './vite.config.ts';

// The embeddable <trygghet-events> web component: one small self-contained script, no React.
export default defineConfig({
  resolve: { alias: { '@trygghet/client': clientSource } },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/widget/trygghet-events.ts',
      formats: ['es'],
      fileName: () => 'trygghet-events.js',
    },
  },
});
