import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root directory, whether this code runs from src/ (tests, tsx) or from the
 * bundle and its chunks in dist/ (npm start): the nearest folder above with a package.json.
 */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export function projectFile(relative: string): string {
  return path.join(projectRoot, relative);
}
