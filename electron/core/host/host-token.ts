/**
 * The browser host's link token, kept in the data folder (owner-only, like the
 * camera file) so a restart keeps every open tab and bookmarked link working.
 * `--new-token` makes a new one: every old link stops working at once.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newToken } from '../relay/access';

const FILE = 'host-token';
const SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export async function hostToken(dataDir: string, rotate: boolean): Promise<string> {
  const file = path.join(dataDir, FILE);
  if (!rotate) {
    const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (SHAPE.test(kept)) return kept;
  }
  const token = newToken();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${token}\n`, { mode: 0o600 });
  await rename(temp, file);
  return token;
}
