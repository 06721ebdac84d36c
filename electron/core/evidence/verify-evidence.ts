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
import { ManifestSchema, MANIFEST_FILE, SIGNATURE_FILE, type VerifyReport } from '../../../shared/evidence';
import { describeIssues } from '../../../shared/model';
import { parseJsonText } from '../../../shared/json-text';
import { fingerprintOf, signatureHolds } from './evidence-key';
import { sha256Of } from './evidence-export';

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
  const findings: VerifyReport['findings'] = [];
  const bad = (text: string) => findings.push({ ok: false, text });
  const good = (text: string) => findings.push({ ok: true, text });
  const done = (): VerifyReport => ({ ok: findings.every((f) => f.ok), findings });

  const manifestBytes = await readFile(path.join(folder, MANIFEST_FILE)).catch(() => undefined);
  if (!manifestBytes) {
    bad(
      `There is no ${MANIFEST_FILE} in ${folder}: this is not a Pantau evidence folder, or its manifest was removed.`,
    );
    return done();
  }
  let raw: unknown;
  try {
    raw = parseJsonText(manifestBytes.toString('utf8'));
  } catch (error) {
    bad(`${MANIFEST_FILE} is not readable JSON (${(error as Error).message}): it was damaged or edited.`);
    return done();
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    bad(`${MANIFEST_FILE} is not a Pantau manifest: ${describeIssues(parsed.error).split('\n')[0]}`);
    return done();
  }
  const manifest = parsed.data;

  // The signature covers the exact bytes of manifest.json: any edit, even one space, breaks it.
  const signatureText = await readFile(path.join(folder, SIGNATURE_FILE), 'utf8').catch(() => undefined);
  if (signatureText === undefined) bad(`The signature (${SIGNATURE_FILE}) is missing: the manifest cannot be trusted.`);
  else if (!signatureHolds(manifestBytes, Buffer.from(signatureText.trim(), 'base64'), manifest.signer.publicKey))
    bad(`The signature does not match ${MANIFEST_FILE}: the manifest was changed after it was signed.`);
  else good(`The manifest is signed by key ${manifest.signer.fingerprint} and unchanged since.`);

  const signerFingerprint = fingerprintOf(Buffer.from(manifest.signer.publicKey, 'base64'));
  if (signerFingerprint !== manifest.signer.fingerprint)
    bad(`The manifest names fingerprint ${manifest.signer.fingerprint}, but its key's is ${signerFingerprint}.`);
  if (trustedKey !== undefined) {
    const trusted = fingerprintOf(Buffer.from(trustedKey, 'base64'));
    if (trusted === signerFingerprint) good(`The signing key is the trusted one (${trusted}).`);
    else bad(`Signed by another key (${signerFingerprint}), not the trusted installation key (${trusted}).`);
  } else {
    findings.push({
      ok: true,
      text: `Not compared with a trusted key: check that ${signerFingerprint} is the fingerprint the installation published (--key FILE).`,
    });
  }

  for (const file of manifest.files) {
    const where = path.join(folder, file.name);
    if (path.basename(file.name) !== file.name) {
      bad(`The manifest names "${file.name}", which is not a file in this folder.`);
      continue;
    }
    const info = await stat(where).catch(() => undefined);
    if (!info) {
      bad(`${file.name} is missing.`);
      continue;
    }
    if (info.size !== file.size) {
      bad(`${file.name} has ${info.size} bytes where the manifest says ${file.size}: it was changed.`);
      continue;
    }
    if ((await sha256Of(where)) !== file.sha256)
      bad(`${file.name} differs from the one recorded (its SHA-256 does not match): it was changed.`);
    else good(`${file.name} is unchanged (SHA-256 matches).`);
  }
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.name)]);
  // Not a failure: Windows and file managers add their own files (Thumbs.db, desktop.ini); they are not evidence.
  for (const name of await readdir(folder))
    if (!listed.has(name)) good(`${name} is in the folder but not part of the evidence (not in the manifest).`);
  return done();
}
