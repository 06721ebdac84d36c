/**
 * Evidence clips and their chain of custody (issue #15): the settings, the
 * manifest written beside every export, and the file names an export may use.
 * The manifest is what an investigator reads and what the signature covers
 * (the exact bytes of manifest.json, so nothing depends on re-serialising it).
 */
import { z } from 'zod';

export const EvidenceSettingsSchema = z.strictObject({
  /** Seconds of each wall camera's main stream kept, copied, ready for "save the last 30 s"; 0: none kept. */
  preBufferSec: z.number().int().min(0).max(120),
  /** A recording stops (and is saved) by itself after this many minutes. */
  maxRecordMin: z.number().int().min(1).max(240),
});
export type EvidenceSettings = z.infer<typeof EvidenceSettingsSchema>;

export const defaultEvidenceSettings: EvidenceSettings = { preBufferSec: 30, maxRecordMin: 30 };

export const MANIFEST_FORMAT = 'pantau-evidence/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export const EvidenceFileSchema = z.strictObject({
  name: z.string().min(1).max(200),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the picture is: the camera's codec copied, or re-encoded (and from what). */
  video: z.string().max(200).optional(),
});

export const EvidenceGapSchema = z.strictObject({
  /** Local time the picture stopped, with its UTC offset. */
  from: z.string(),
  seconds: z.number().min(0),
});
export type EvidenceGap = z.infer<typeof EvidenceGapSchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  kind: z.enum(['clip', 'snapshot']),
  /** For clips: 'last' (the pre-buffer saved at a press) or 'recording' (start to stop). */
  how: z.enum(['last', 'recording', 'snapshot']),
  camera: z.strictObject({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    /** The stream's address without user name or password. */
    stream: z.string(),
  }),
  /** Local time with its UTC offset ("2026-12-01 22:30:05 +07:00"), and the same instants in UTC. */
  start: z.string(),
  end: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  seconds: z.number().min(0),
  operator: z.string(),
  machine: z.string(),
  pantauVersion: z.string(),
  files: z.array(EvidenceFileSchema).min(1),
  /** Where the camera dropped during the clip: the clip runs on, the time it was away is said here. */
  gaps: z.array(EvidenceGapSchema),
  /** The installation key that signs manifest.json (Ed25519, SPKI DER in base64) and its fingerprint. */
  signer: z.strictObject({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
    fingerprint: z.string(),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** One export in the evidence log: its folder (a name inside the evidence folder) and its manifest. */
export const EvidenceEntrySchema = z.strictObject({
  folder: z.string(),
  manifest: ManifestSchema,
});
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>;

export const RecordingSchema = z.strictObject({
  cameraId: z.string(),
  /** When the recording was started (ms since the epoch); the clip also holds the pre-buffer before it. */
  startedAt: z.number(),
  /** When it will stop by itself. */
  endsAt: z.number(),
});
export type Recording = z.infer<typeof RecordingSchema>;

/**
 * A verification: every finding a sentence (`verify.<code>` in resources/i18n,
 * with its params), so the dialog says it in the operator's language and the
 * command line in the one asked for; `ok` only when nothing is wrong.
 */
export const VerifyFindingSchema = z.strictObject({
  ok: z.boolean(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type VerifyFinding = z.infer<typeof VerifyFindingSchema>;
export const VerifyReportSchema = z.strictObject({
  ok: z.boolean(),
  findings: z.array(VerifyFindingSchema),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A piece of a file name made from user data (camera ids and names): safe on
 * Windows and everywhere else — no separators or path tricks ("..", "/", "\",
 * drive letters), no characters Windows refuses, no control characters, no
 * reserved device names (CON, NUL, COM1 …), no trailing dot or space, at
 * most `max` characters; never empty.
 */
export function safeFileName(text: string, max = 60): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, max)
    .replace(/[\s.]+$/g, '');
  if (!cleaned || /^_+$/.test(cleaned)) return 'kamera';
  return WINDOWS_RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** "20261201-223005": a compact local time for folder names (sorts by time). */
export function compactLocalTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** "2026-12-01 22:30:05 +07:00": local time an investigator can read, with its offset from UTC. */
export function localTimestamp(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const p = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const local = `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
  return `${local} ${offset >= 0 ? '+' : '-'}${p(Math.trunc(offset / 60))}:${p(offset % 60)}`;
}

/**
 * The stream evidence is taken from (a snapshot, a clip's pre-buffer): the one
 * with the most pixels, as evidence wants every pixel the camera has; where
 * the sizes are not known, the one called main, else the first.
 */
export function evidenceProfile(
  profiles: readonly { profile: string; width?: number; height?: number }[],
): string | undefined {
  const area = (p: { width?: number; height?: number }) => (p.width ?? 0) * (p.height ?? 0);
  const largest = Math.max(0, ...profiles.map(area));
  if (largest === 0) return (profiles.find((p) => p.profile === 'main') ?? profiles[0])?.profile;
  return profiles.find((p) => area(p) === largest)?.profile;
}
