import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The residents' and staff app. The API client is the generated one, compiled from its source.
export const clientSource = fileURLToPath(new URL('../client-generated/typescript/src/client.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@trygghet/client': clientSource } },
  build: {
    outDir: 'dist',
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // `npm run dev` proxies the API started by ./run.
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
