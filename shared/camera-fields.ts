/**
 * A camera's fields checked one by one, each problem named by a code the page
 * says in the operator's language ("Baris 4, kolom url: bukan alamat rtsp://").
 * The CSV import and the add-camera form use the same checks; the schema in
 * model.ts stays the last word (anything it refuses that these did not name
 * is reported as 'invalid' with its English detail).
 */
import { fieldLimits, hasControlCharacters, idPattern } from './model';
import { rtspUrlProblemCode } from './rtsp-url';

export type CameraField = 'id' | 'name' | 'group' | 'main' | 'sub' | 'username' | 'password' | 'transport';

export const fieldProblems = [
  'required',
  'too-long',
  'id-characters',
  'control-characters',
  'not-a-url',
  'not-rtsp',
  'no-host',
  'transport',
  'duplicate-id',
  'invalid',
] as const;
export type FieldProblem = (typeof fieldProblems)[number];

export interface FieldIssue {
  field: CameraField;
  problem: FieldProblem;
}

export type CameraFieldValues = Partial<Record<CameraField, string>>;

const limits: Partial<Record<CameraField, number>> = fieldLimits;
const transports = new Set(['', 'auto', 'tcp', 'udp', 'http']);

function problemOf(field: CameraField, raw: string): FieldProblem | undefined {
  const value = field === 'password' ? raw : raw.trim();
  const required = field === 'id' || field === 'name' || field === 'main';
  if (!value) return required ? 'required' : undefined;
  const limit = limits[field];
  if (limit !== undefined && value.length > limit) return 'too-long';
  if (field === 'id') return idPattern.test(value) ? undefined : 'id-characters';
  if (field === 'name' || field === 'group') return hasControlCharacters(value) ? 'control-characters' : undefined;
  if (field === 'main' || field === 'sub') return rtspUrlProblemCode(value) ?? undefined;
  if (field === 'transport') return transports.has(value.toLowerCase()) ? undefined : 'transport';
  return undefined;
}

/** Every field's first problem, in the order the fields are given. */
export function cameraFieldIssues(values: CameraFieldValues): FieldIssue[] {
  return (Object.keys(values) as CameraField[]).flatMap((field) => {
    const problem = problemOf(field, values[field] ?? '');
    return problem ? [{ field, problem }] : [];
  });
}

/** The field a schema issue's path points at (streams[0].url is the main URL). */
export function fieldOfPath(path: readonly PropertyKey[]): CameraField | undefined {
  const [first, index, inner] = path;
  if (first === 'streams') {
    if (inner === 'transport') return 'transport';
    return index === 0 ? 'main' : 'sub';
  }
  return typeof first === 'string' && ['id', 'name', 'group', 'username', 'password'].includes(first)
    ? (first as CameraField)
    : undefined;
}
