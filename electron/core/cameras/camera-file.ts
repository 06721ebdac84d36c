/** Reads and validates a camera file; every problem names the file and the field. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import { CameraFileSchema, describeIssues, type CameraFile } from '../../../shared/model';

export function parseCameraFile(text: string, name = 'camera file'): CameraFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CodedError('invalid-file', `${name} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = CameraFileSchema.safeParse(json);
  if (!parsed.success) {
    // Messages name fields, never values: a bad URL may hold a password.
    throw new CodedError('invalid-file', `${name} has problems:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

export async function loadCameraFile(file: string): Promise<CameraFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CodedError('invalid-file', `Cannot read camera file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseCameraFile(text, path.basename(file));
}
