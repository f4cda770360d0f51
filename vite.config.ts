import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the SPA and hands the back end's paths to it;
// in production the back end serves dist/ itself (ARCHITECTURE.md).
const backEnd = process.env.BACKEND_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/agc': backEnd,
      '/agent': backEnd,
      '/sim': backEnd,
      // The console's endpoints; /supervisor itself is the SPA's page.
      '/supervisor/': backEnd,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
