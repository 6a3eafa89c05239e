import { join } from 'node:path';
import { CSS, JS, ServedFiles } from '../http/served-files';

/** Beside this module: in src/ under ts-jest, and in dist/, where `npm run build` copies them (tsc copies only what it compiles). */
const beside = (name: string) => ({ path: () => join(__dirname, 'assets', name) });

/** The site's own files, served under /assets/. */
export const siteAssets = new ServedFiles('/assets', {
  'site.css': { ...beside('site.css'), contentType: CSS },
  'print.css': { ...beside('print.css'), contentType: CSS },
  'site.js': { ...beside('site.js'), contentType: JS },
});

/** The served address of a file of the site's, versioned by its content. */
export function assetAddress(name: string): string {
  return siteAssets.address(name);
}
