import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console builds to static files (no CDN at run time): `npm start` and CloudFront serve `dist/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
});
