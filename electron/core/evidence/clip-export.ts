/**
 * One clip as signed evidence: the segments joined into an MP4 (clip-writer.ts)
 * inside an export folder with its manifest (evidence-export.ts). The camera is
 * described as it was recorded, not as the camera list says now: it may have
 * been edited or removed since.
 */
import os from 'node:os';
import { compactLocalTime, localTimestamp, safeFileName, type EvidenceEntry } from '../../../shared/evidence';
import { writeClip } from './clip-writer';
import type { EvidenceKey } from './evidence-key';
import { writeExport } from './evidence-export';
import { gapsIn, type segmentsFor } from './segment-ring';

export interface ClipCamera {
  id: string;
  name: string;
  region: string;
  /** Its stream's address without credentials. */
  stream: string;
}

export interface ClipExport {
  ffmpegPath: string;
  evidenceDir: string;
  key: EvidenceKey;
  operator: string;
  version: string;
  camera: ClipCamera;
  how: 'last' | 'recording';
  segments: ReturnType<typeof segmentsFor>;
  endMs: number;
}

export async function exportClip({
  ffmpegPath,
  evidenceDir,
  key,
  operator,
  version,
  camera,
  how,
  segments,
  endMs,
}: ClipExport): Promise<EvidenceEntry> {
  const startMs = segments[0]!.startMs;
  const end = Math.min(endMs, segments[segments.length - 1]!.endMs);
  const gaps = gapsIn(segments);
  const awaySec = gaps.reduce((sum, gap) => sum + gap.seconds, 0);
  const base = `${compactLocalTime(startMs)}_${safeFileName(camera.id, 40)}`;
  const { folder, manifest } = await writeExport({
    evidenceDir,
    folderName: `${base}_${how === 'last' ? 'terakhir' : 'rekaman'}`,
    key,
    files: [
      {
        name: `${safeFileName(camera.name)}_${compactLocalTime(startMs)}.mp4`,
        write: (target) =>
          writeClip({
            ffmpegPath,
            segments,
            endMs: end,
            target,
            title: `${camera.name} (${camera.id})`,
            comment: `${localTimestamp(startMs)} – ${localTimestamp(end)}`,
            startMs,
          }),
      },
    ],
    body: {
      kind: 'clip',
      how,
      camera,
      start: localTimestamp(startMs),
      end: localTimestamp(end),
      startUtc: new Date(startMs).toISOString(),
      endUtc: new Date(end).toISOString(),
      seconds: Math.max(0, Math.round((end - startMs) / 100) / 10 - awaySec),
      operator,
      machine: os.hostname(),
      pantauVersion: version,
      gaps: gaps.map((gap) => ({ from: localTimestamp(gap.fromMs), seconds: gap.seconds })),
    },
  });
  return { folder, manifest };
}
