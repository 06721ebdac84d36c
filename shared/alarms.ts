/**
 * Alarms (issue #14): watch lists say which cameras matter — a region, a
 * group such as "Gudang logistik KPU" (both are group paths), or cameras
 * picked by id — and where a camera that raises one is popped. An alarm is
 * raised when a watched camera goes down (the fleet sweep, or the wall's own
 * stream), or when an ONVIF camera reports an event; an operator acknowledges
 * it with a note.
 */
import { z } from 'zod';
import { errorCodes } from './errors';
import { CameraIdSchema, hasControlCharacters } from './model';

export const alarmKinds = ['down', 'motion', 'tamper', 'video-loss'] as const;
export type AlarmKind = (typeof alarmKinds)[number];

export const GroupPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((v) => !hasControlCharacters(v), 'must not contain control characters');

export const WatchListSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a short lowercase id'),
  name: z.string().trim().min(1).max(120),
  /** Group paths: a camera whose group is one of these, or below one, is watched. */
  groups: z.array(GroupPathSchema).max(200),
  cameraIds: z.array(CameraIdSchema).max(5000),
  /** Where a camera that raises an alarm is shown: tile `tile` (0-based) of wall `wall` ("1"…"6"). */
  pop: z.strictObject({ wall: z.string().regex(/^[1-6]$/), tile: z.number().int().min(0).max(63) }).optional(),
  sound: z.boolean(),
  /** ONVIF events of these cameras raise alarms too. */
  events: z.boolean(),
});
export type WatchList = z.infer<typeof WatchListSchema>;

export const AlarmSchema = z.strictObject({
  id: z.number().int(),
  cameraId: CameraIdSchema,
  kind: z.enum(alarmKinds),
  /** For "down": the failure class. */
  reason: z.enum(errorCodes).optional(),
  watchList: z.string().optional(),
  raisedAt: z.number(),
  /** The camera came back (a "down" alarm), or the event ended. */
  endedAt: z.number().optional(),
  ackedAt: z.number().optional(),
  ackedBy: z.string().optional(),
  note: z.string().optional(),
});
export type Alarm = z.infer<typeof AlarmSchema>;

/** Whether `list` watches a camera in `group` with id `cameraId`. */
export function watches(list: WatchList, cameraId: string, group: string | undefined): boolean {
  if (list.cameraIds.includes(cameraId)) return true;
  const path = (group ?? '')
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)
    .join('/');
  return list.groups.some((g) => {
    const prefix = g
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean)
      .join('/');
    return path === prefix || path.startsWith(`${prefix}/`);
  });
}

/** The first watch list that watches the camera (the one whose pop and sound apply). */
export function watchingList(
  lists: readonly WatchList[],
  cameraId: string,
  group: string | undefined,
): WatchList | undefined {
  return lists.find((l) => watches(l, cameraId, group));
}
