import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** test-results/labels/: sample labels kept after a run, for a person to look at. */
export const LABEL_ARTIFACTS_DIR = join(__dirname, '../../../../test-results/labels');

export function saveArtifact(name: string, data: Buffer | string): string {
  mkdirSync(LABEL_ARTIFACTS_DIR, { recursive: true });
  const file = join(LABEL_ARTIFACTS_DIR, name);
  writeFileSync(file, data);
  return file;
}
