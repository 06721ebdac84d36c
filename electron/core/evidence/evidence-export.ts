/**
 * Writes one export — its files, manifest.json and manifest.sig — into a
 * folder of its own inside the evidence folder, all or nothing: everything is
 * written into a hidden `.partial-…` folder first and renamed into place only
 * when complete, so a full disk or a folder removed mid-write leaves no
 * export that looks complete (the partial folder is removed, and one a
 * killed process left is removed at the next start).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import { MANIFEST_FILE, MANIFEST_FORMAT, SIGNATURE_FILE, type Manifest } from '../../../shared/evidence';
import type { EvidenceKey } from './evidence-key';

const PARTIAL_PREFIX = '.partial-';

export interface ExportFile {
  name: string;
  /** Writes the file at `file` (inside the partial folder); says what the picture is. */
  write: (file: string) => Promise<{ video?: string }>;
}

export type ManifestBody = Omit<Manifest, 'format' | 'files' | 'signer'>;

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes and flushes to the disk: a power cut after the rename must not leave an empty file. */
async function writeDurably(file: string, data: string | Buffer): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A sentence for the operator instead of an errno. */
export function exportFailure(error: unknown, evidenceDir: string): Error {
  if (error instanceof CodedError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const detail = /No space left|ENOSPC|EFBIG|File too large/i.test(String((error as Error).message)) ? 'ENOSPC' : code;
  if (detail === 'ENOSPC' || detail === 'EDQUOT')
    return new CodedError('disk-full', `The disk of the evidence folder (${evidenceDir}) is full: nothing was saved.`);
  if (code === 'ENOENT')
    return new CodedError(
      'store-failed',
      `The evidence folder (${evidenceDir}) went away while saving: nothing was saved.`,
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new CodedError('store-failed', `Pantau may not write in the evidence folder (${evidenceDir}).`);
  return new CodedError('store-failed', `The evidence could not be saved: ${(error as Error).message}`);
}

export async function writeExport(options: {
  evidenceDir: string;
  folderName: string;
  files: ExportFile[];
  body: ManifestBody;
  key: EvidenceKey;
}): Promise<{ folder: string; manifest: Manifest }> {
  const { evidenceDir } = options;
  const work = path.join(evidenceDir, `${PARTIAL_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(work, { recursive: true });
    const files: Manifest['files'] = [];
    for (const file of options.files) {
      const target = path.join(work, file.name);
      const { video } = await file.write(target);
      const size = (await stat(target)).size;
      files.push({ name: file.name, size, sha256: await sha256Of(target), ...(video ? { video } : {}) });
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      ...options.body,
      files,
      signer: { algorithm: 'Ed25519', publicKey: options.key.publicKey, fingerprint: options.key.fingerprint },
    };
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await writeDurably(path.join(work, MANIFEST_FILE), text);
    await writeDurably(path.join(work, SIGNATURE_FILE), `${options.key.sign(text).toString('base64')}\n`);
    const folder = await freeName(evidenceDir, options.folderName);
    await rename(work, path.join(evidenceDir, folder));
    return { folder, manifest };
  } catch (error) {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw exportFailure(error, evidenceDir);
  }
}

/** `name`, or `name-2`, `name-3` … when an export of the same second exists. */
async function freeName(dir: string, name: string): Promise<string> {
  const taken = new Set(await readdir(dir));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}-${n}`)) return `${name}-${n}`;
}

/** Partial folders a killed process left behind: never evidence, only in the way. */
export async function removePartialExports(evidenceDir: string): Promise<void> {
  for (const name of await readdir(evidenceDir).catch(() => [] as string[]))
    if (name.startsWith(PARTIAL_PREFIX)) await rm(path.join(evidenceDir, name), { recursive: true, force: true });
}
