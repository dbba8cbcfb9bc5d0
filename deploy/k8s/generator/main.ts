// `npm run k8s`: writes deploy/k8s from the job registry and settings.ts, and removes files it no longer makes.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SERVICE_QUEUES } from '@torque/contracts';
import { K8S_DIR, renderFiles } from './render.js';

const root = process.cwd();
const dir = join(root, K8S_DIR);
const files = await renderFiles(SERVICE_QUEUES, root);

/** The generated directories' files now on disk, relative to deploy/k8s. */
function onDisk(sub: string): string[] {
  const at = join(dir, sub);
  return readdirSync(at, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

let written = 0;
for (const [path, text] of files) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  let old: string | null = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // a new file
  }
  if (old !== text) {
    writeFileSync(file, text);
    written++;
  }
}
const stale = ['base', 'overlays'].flatMap(onDisk).filter((p) => !files.has(p));
for (const path of stale) rmSync(join(dir, path));
console.log(`deploy/k8s: ${files.size} files, ${written} written, ${stale.length} removed`);
