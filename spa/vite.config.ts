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
    rolldownOptions: {
      output: {
        // The libraries every page needs travel in one chunk: loaded first, compressed together, cached
        // across releases of the app's own code. Leaflet and Chart.js stay in the lazy chunks of the pages
        // that draw maps and charts.
        codeSplitting: {
          groups: [
            {
              name: 'base',
              test: /node_modules[\\/](?!leaflet|chart\.js|@kurkle)|client-generated[\\/]|src[\\/](i18n[\\/][^\\/]+|shared[\\/](api|session|Page|ProblemAlert|useLoad|format|collation)\.tsx?)$/,
            },
          ],
        },
      },
    },
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
