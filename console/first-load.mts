import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The JavaScript a browser loads before the console can show anything: the entry and what it imports statically. */
export function firstLoadOf(bundle: OutputBundle): { files: string[]; gzipBytes: number } {
  const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const loaded = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || loaded.has(chunk.fileName)) return;
    loaded.add(chunk.fileName);
    chunk.imports.forEach((file) => visit(chunks.get(file)));
  };
  [...chunks.values()].filter((chunk) => chunk.isEntry).forEach(visit);
  const gzipBytes = [...loaded].reduce((sum, file) => sum + gzipSync(chunks.get(file)!.code, { level: 9 }).length, 0);
  return { files: [...loaded], gzipBytes };
}

/**
 * Reports the console's first load in the build's output, and writes it beside the files
 * (first-load.json) for `npm run bench`, which holds it against the 300 KB bound.
 */
export function reportFirstLoad(): Plugin {
  return {
    name: 'lectern-first-load',
    apply: 'build',
    generateBundle(_options, bundle) {
      const firstLoad = firstLoadOf(bundle);
      console.log(
        `The console's first load: ${(firstLoad.gzipBytes / 1024).toFixed(1)} KB of JavaScript, gzip -9 (${firstLoad.files.length === 1 ? 'one file' : `${firstLoad.files.length} files`}).`,
      );
      this.emitFile({ type: 'asset', fileName: 'first-load.json', source: JSON.stringify(firstLoad, null, 2) });
    },
  };
}
