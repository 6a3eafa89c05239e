import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { reportFirstLoad } from './first-load.mjs';

/**
 * The console is served by Lectern under /console; its files are content-hashed so Lectern can
 * let browsers keep them for a year. `CONSOLE_OUT_DIR` lets tests build a copy elsewhere.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [preact(), reportFirstLoad()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? '../dist/console',
    emptyOutDir: true,
    // No inline script: the CSP allows only Lectern's own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
