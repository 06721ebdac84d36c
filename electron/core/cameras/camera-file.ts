/**
 * The camera file's text → its content, validated; every problem names the
 * file and the field, never a value (a URL may hold a password). The store
 * (camera-inventory) reads the file with the same migration and schema.
 */
import { CodedError } from '../../../shared/errors';
import { parseJsonText } from '../../../shared/json-text';
import { CameraFileSchema, describeIssues, type CameraFile } from '../../../shared/model';

export function parseCameraFile(text: string, name = 'camera file'): CameraFile {
  let json: unknown;
  try {
    json = migrateCameraFile(parseJsonText(text));
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

/** The camera file's current version, written on every save. */
export const CAMERA_FILE_VERSION = 1;

/**
 * Brings an older camera file up to the current version. Version 0 is a file
 * without a version field (hand-written, or written before versions existed):
 * its content is already version 1's.
 */
export function migrateCameraFile(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const file = raw as Record<string, unknown>;
  if (file['version'] === undefined) return { ...file, version: CAMERA_FILE_VERSION };
  return file;
}
