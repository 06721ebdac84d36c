/** The evidence clips' API handlers (shared/evidence-api.ts). */
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import type { EvidenceSettings } from '../../../shared/evidence';
import type { EvidenceState, evidenceMethods } from '../../../shared/evidence-api';
import type { ApiHandlers } from '../api/dispatch';
import { publicKeyPem } from './evidence-key';
import type { EvidenceKey } from './evidence-key';
import type { EvidenceService } from './evidence-service';
import { verifyEvidence } from './verify-evidence';

export interface EvidenceHandlerDeps {
  evidence: EvidenceService;
  key: () => EvidenceKey;
  evidenceDir: () => string;
  settings: () => EvidenceSettings & { operator: string };
  saveSettings: (change: Partial<EvidenceSettings & { operator: string }>) => Promise<void>;
  /** The host's folder chooser (Electron's dialog); absent in the browser host. */
  pickFolder?: ((current: string) => Promise<string | undefined>) | undefined;
}

export function evidenceHandlers(deps: EvidenceHandlerDeps): Pick<ApiHandlers, keyof typeof evidenceMethods> {
  const state = (): EvidenceState => {
    const { operator, ...settings } = deps.settings();
    const key = deps.key();
    return {
      settings,
      operator,
      recordings: deps.evidence.recordings(),
      publicKey: publicKeyPem(key.publicKey),
      fingerprint: key.fingerprint,
      keySealed: key.sealedBy,
    };
  };
  return {
    'evidence:state': () => state(),
    'evidence:configure': async (params) => {
      const change = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      await deps.saveSettings(change);
      return state();
    },
    'evidence:save': (params) => deps.evidence.saveLast(params.cameraId, params.seconds),
    'evidence:record': async (params) =>
      params.on
        ? { recording: deps.evidence.startRecording(params.cameraId), saved: null }
        : { recording: null, saved: await deps.evidence.stopRecording(params.cameraId) },
    'evidence:list': async () => ({ entries: await deps.evidence.list() }),
    'evidence:verify': (params) => {
      // A name from the log, nothing else: no path may lead out of the evidence folder.
      if (params.folder !== path.basename(params.folder) || params.folder.startsWith('.'))
        throw new CodedError('invalid-request', 'Not an export of the evidence folder.');
      return verifyEvidence(path.join(deps.evidenceDir(), params.folder), deps.key().publicKey);
    },
    'evidence:check': async () => {
      if (!deps.pickFolder)
        throw new CodedError(
          'unsupported',
          'This host has no folder chooser: check a folder with npm run verify -- FOLDER on the machine that has it.',
        );
      const folder = await deps.pickFolder(deps.evidenceDir());
      if (folder === undefined) return { folder: null, report: null };
      return { folder, report: await verifyEvidence(folder, deps.key().publicKey) };
    },
  };
}
