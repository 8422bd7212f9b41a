// The web app: built from web/ into web/dist, which the server serves; in development /api goes to the server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The host header stays the dev server's: the API refuses unsafe requests whose Origin differs from Host.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
