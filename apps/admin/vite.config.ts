import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { raMui9Compat } from './ra-mui9-compat.mjs';

// The console calls relative /api; in dev and preview Vite forwards it to the API, so no CORS is involved.
const api = { '/api': { target: process.env.WHISTLE_API_URL ?? 'http://127.0.0.1:3000' } };

export default defineConfig({
  plugins: [react(), raMui9Compat()],
  optimizeDeps: { rolldownOptions: { plugins: [raMui9Compat()] } },
  server: { proxy: api },
  preview: { proxy: api },
  build: { chunkSizeWarningLimit: 4096 },
});
