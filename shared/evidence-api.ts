/** The evidence clips' part of the API contract (issue #15), spread into shared/api.ts. */
import { z } from 'zod';
import { CameraIdSchema } from './model';
import { EvidenceEntrySchema, EvidenceSettingsSchema, RecordingSchema, VerifyReportSchema } from './evidence';

export const EvidenceStateSchema = z.strictObject({
  settings: EvidenceSettingsSchema,
  /** The name the manifests carry; empty until the operator has said it once. */
  operator: z.string(),
  recordings: z.array(RecordingSchema),
  /** The installation's public key (PEM) and its fingerprint, for investigators. */
  publicKey: z.string(),
  fingerprint: z.string(),
  /** 'os': the private key is sealed by the operating system; 'none': kept owner-only in the data folder. */
  keySealed: z.enum(['os', 'none']),
});
export type EvidenceState = z.infer<typeof EvidenceStateSchema>;

export const evidenceMethods = {
  'evidence:state': { params: z.strictObject({}), result: EvidenceStateSchema },
  /** Pre-buffer length, maximum recording length, and the operator's name. */
  'evidence:configure': {
    params: z.strictObject({
      preBufferSec: EvidenceSettingsSchema.shape.preBufferSec.optional(),
      maxRecordMin: EvidenceSettingsSchema.shape.maxRecordMin.optional(),
      operator: z.string().trim().min(1).max(120).optional(),
    }),
    result: EvidenceStateSchema,
  },
  /** Saves the last `seconds` (default: the pre-buffer) of the camera's main stream as a signed export. */
  'evidence:save': {
    params: z.strictObject({ cameraId: CameraIdSchema, seconds: z.number().int().min(1).max(120).optional() }),
    result: EvidenceEntrySchema,
  },
  /** Starts (on) or stops and saves (off) a recording of the camera. */
  'evidence:record': {
    params: z.strictObject({ cameraId: CameraIdSchema, on: z.boolean() }),
    result: z.strictObject({ recording: RecordingSchema.nullable(), saved: EvidenceEntrySchema.nullable() }),
  },
  /** The evidence log: every export in the evidence folder, newest first. */
  'evidence:list': { params: z.strictObject({}), result: z.strictObject({ entries: z.array(EvidenceEntrySchema) }) },
  /** Checks one export (a folder name from the log) against its manifest, its signature and this installation's key. */
  'evidence:verify': {
    params: z.strictObject({ folder: z.string().min(1).max(300) }),
    result: VerifyReportSchema,
  },
  /**
   * "Periksa folder lain / Verify another folder": an export received from elsewhere (a USB stick),
   * chosen in the host's folder chooser (Electron); the browser host has none and says to use
   * `npm run verify -- FOLDER`. `folder` is null when the chooser was cancelled.
   */
  'evidence:check': {
    params: z.strictObject({}),
    result: z.strictObject({ folder: z.string().nullable(), report: VerifyReportSchema.nullable() }),
  },
} as const;

export const evidenceEvents = {
  /** The recordings running now (after one started or stopped). */
  'evidence:recording': z.strictObject({ recordings: z.array(RecordingSchema) }),
} as const;
