import { defineConfig, type Plugin } from 'vite';
import { clientSource } from './vite.config.ts';

/**
 * Host pages decode a script in their own charset when the response names none, and many pages
 * declare none (windows-1252): the script is kept to ASCII, its other characters as \u escapes.
 */
const asciiOnly: Plugin = {
  name: 'ascii-only',
  // After minification, which would turn the escapes back into characters.
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  },
};

// The embeddable <trygghet-events> web component: one small self-contained script, no React.
export default defineConfig({
  plugins: [asciiOnly],
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
