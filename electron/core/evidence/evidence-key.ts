/**
 * The installation's signing key for evidence manifests: Ed25519, made once
 * per installation with Node's crypto. The private key is kept like camera
 * passwords: sealed with the operating system's key store under Electron
 * (safeStorage), else written owner-only (0600) in the data folder, which the
 * UI says. The public key is in every manifest and can be exported, so an
 * investigator can check that a clip was signed by this installation.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { SecretSealer } from '../cameras/secrets';
import type { Logger } from '../log';
import { JsonFileStore } from '../store/json-file-store';

const KeyFileSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** SPKI DER, base64. */
  publicKey: z.string(),
  /** PKCS#8 DER, base64: sealed ('os') or as written ('none'). */
  privateKey: z.string(),
  sealed: z.enum(['os', 'none']),
  createdAt: z.string(),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

/** sha256 of the public key's DER, in groups of four hex digits: short enough to read out on a phone. */
export function fingerprintOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(':');
}

export function publicKeyPem(publicKeyBase64: string): string {
  return createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** True when `signature` is the Ed25519 signature of `data` by the SPKI DER key (base64). */
export function signatureHolds(data: Buffer, signature: Buffer, publicKeyBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

export class EvidenceKey {
  private constructor(
    private readonly file: KeyFile,
    private readonly sealer: SecretSealer | undefined,
  ) {}

  /** Opens the installation's key, making it the first time. */
  static async open(dataDir: string, logger: Logger, sealer?: SecretSealer): Promise<EvidenceKey> {
    const store = new JsonFileStore<KeyFile | null>({
      file: path.join(dataDir, 'evidence-key.json'),
      schema: KeyFileSchema.nullable(),
      defaults: () => null,
      secret: true,
      logger,
    });
    const loaded = (await store.load()).value;
    if (loaded) return new EvidenceKey(loaded, sealer);
    const pair = generateKeyPairSync('ed25519');
    const privateDer = pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const useOs = sealer?.kind === 'os';
    const file: KeyFile = {
      algorithm: 'Ed25519',
      publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      privateKey: useOs ? sealer.seal(privateDer) : privateDer,
      sealed: useOs ? 'os' : 'none',
      createdAt: new Date().toISOString(),
    };
    await store.save(file);
    logger.info(`evidence signing key made (${fingerprintOf(Buffer.from(file.publicKey, 'base64'))})`);
    return new EvidenceKey(file, sealer);
  }

  get publicKey(): string {
    return this.file.publicKey;
  }

  get fingerprint(): string {
    return fingerprintOf(Buffer.from(this.file.publicKey, 'base64'));
  }

  get sealedBy(): 'os' | 'none' {
    return this.file.sealed;
  }

  sign(data: Buffer): Buffer {
    const der = this.file.sealed === 'os' ? this.openSealed() : this.file.privateKey;
    const key = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
    return sign(null, data, key);
  }

  private openSealed(): string {
    if (!this.sealer || this.sealer.kind !== 'os')
      throw new Error('the evidence key is sealed by the operating system, which cannot open it here');
    return this.sealer.open(this.file.privateKey);
  }
}
