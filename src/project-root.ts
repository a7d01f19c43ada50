import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root directory, whether this code runs from src/ (tests, tsx) or from the
 * bundle in dist/ (npm start): both are one level below the root.
 */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function projectFile(relative: string): string {
  return path.join(projectRoot, relative);
}
