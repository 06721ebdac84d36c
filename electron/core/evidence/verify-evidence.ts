/**
 * "Periksa bukti / Verify evidence": checks an export folder against its
 * manifest and the manifest against its signature, and says in words what
 * holds and what does not. Needs nothing of the app's data: the manifest
 * names its signer; `trustedKey` (the installation's public key, exported
 * beforehand) says whether that signer is the one expected.
 */
import { createPublicKey } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ManifestSchema,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  type VerifyFinding,
  type VerifyReport,
} from '../../../shared/evidence';
import { describeIssues } from '../../../shared/model';
import { parseJsonText } from '../../../shared/json-text';
import { fingerprintOf, signatureHolds } from './evidence-key';
import { sha256Of } from './evidence-export';
import en from '../../../resources/i18n/en.json';
import id from '../../../resources/i18n/id.json';

/** The SPKI DER (base64) of a PEM or base64 public key, or undefined when it is not one. */
export function publicKeyBase64(text: string): string | undefined {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith('-----')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return undefined;
    return key.export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    return undefined;
  }
}

export async function verifyEvidence(folder: string, trustedKey?: string): Promise<VerifyReport> {
  const findings: VerifyFinding[] = [];
  type Params = VerifyFinding['params'];
  const bad = (code: string, params: Params = {}) => findings.push({ ok: false, code, params });
  const good = (code: string, params: Params = {}) => findings.push({ ok: true, code, params });
  const done = (): VerifyReport => ({ ok: findings.every((f) => f.ok), findings });

  const manifestBytes = await readFile(path.join(folder, MANIFEST_FILE)).catch(() => undefined);
  if (!manifestBytes) {
    bad('no-manifest', { folder });
    return done();
  }
  let raw: unknown;
  try {
    raw = parseJsonText(manifestBytes.toString('utf8'));
  } catch (error) {
    bad('manifest-not-json', { why: (error as Error).message });
    return done();
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    bad('not-a-manifest', { why: describeIssues(parsed.error).split('\n')[0] ?? '' });
    return done();
  }
  const manifest = parsed.data;

  // The signature covers the exact bytes of manifest.json: any edit, even one space, breaks it.
  const signatureText = await readFile(path.join(folder, SIGNATURE_FILE), 'utf8').catch(() => undefined);
  if (signatureText === undefined) bad('signature-missing');
  else if (!signatureHolds(manifestBytes, Buffer.from(signatureText.trim(), 'base64'), manifest.signer.publicKey))
    bad('signature-broken');
  else good('signed', { fingerprint: manifest.signer.fingerprint });

  const signer = fingerprintOf(Buffer.from(manifest.signer.publicKey, 'base64'));
  if (signer !== manifest.signer.fingerprint)
    bad('fingerprint-mismatch', { named: manifest.signer.fingerprint, actual: signer });
  if (trustedKey !== undefined) {
    const trusted = fingerprintOf(Buffer.from(trustedKey, 'base64'));
    if (trusted === signer) good('trusted-key', { fingerprint: trusted });
    else bad('other-key', { signer, trusted });
  } else good('untrusted', { fingerprint: signer });

  for (const file of manifest.files) {
    const where = path.join(folder, file.name);
    if (path.basename(file.name) !== file.name) {
      bad('not-in-folder', { name: file.name });
      continue;
    }
    const info = await stat(where).catch(() => undefined);
    if (!info) bad('file-missing', { name: file.name });
    else if (info.size !== file.size) bad('file-size', { name: file.name, actual: info.size, expected: file.size });
    else if ((await sha256Of(where)) !== file.sha256) bad('file-changed', { name: file.name });
    else good('file-intact', { name: file.name });
  }
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.name)]);
  // Not a failure: Windows and file managers add their own files (Thumbs.db, desktop.ini); they are not evidence.
  for (const name of await readdir(folder)) if (!listed.has(name)) good('extra-file', { name });
  return done();
}

const catalogs = { en, id } as const;

/** A finding as a sentence in `language` (the command line's; the app's page translates its own). */
export function findingText(finding: VerifyFinding, language: 'en' | 'id' = 'en'): string {
  const key = `verify.${finding.code}` as keyof typeof en;
  const text: string = catalogs[language][key] ?? en[key] ?? finding.code;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(finding.params[name] ?? `{${name}}`));
}
