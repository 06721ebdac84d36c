/**
 * The evidence folder and the pre-buffers' temp folders as files: the log is
 * the folder itself (each export's manifest), and buffers a killed Pantau left
 * are removed at start.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ManifestSchema, MANIFEST_FILE, type EvidenceEntry, type Manifest } from '../../../shared/evidence';
import { parseJsonText } from '../../../shared/json-text';
import { processAlive } from '../process-alive';

/** The manifest of the export in `folder`, or undefined when it has none we can read (not ours). */
export async function readManifest(folder: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = ManifestSchema.safeParse(parseJsonText(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: not an export of ours (verify says so when asked about it)
  }
}

/** Every export in `dir`, newest first. */
export async function listExports(dir: string): Promise<EvidenceEntry[]> {
  const entries: EvidenceEntry[] = [];
  for (const folder of await readdir(dir).catch(() => [] as string[])) {
    if (folder.startsWith('.')) continue;
    const manifest = await readManifest(path.join(dir, folder));
    if (manifest) entries.push({ folder, manifest });
  }
  return entries.sort((a, b) => b.manifest.startUtc.localeCompare(a.manifest.startUtc));
}

/** Buffers of a Pantau that was killed (`<prefix><pid>-…`, its pid gone): removed, as nobody will read them. */
export async function removeOrphanBuffers(temp: string, prefix: string): Promise<void> {
  for (const name of await readdir(temp).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || processAlive(pid)) continue;
    await rm(path.join(temp, name), { recursive: true, force: true });
  }
}
