/** The alarms' part of the API contract (issue #14), spread into shared/api.ts. */
import { z } from 'zod';
import { AlarmSchema, WatchListSchema } from './alarms';

export const alarmMethods = {
  /** The newest alarms (open ones first), and the watch lists. */
  'alarm:list': {
    params: z.strictObject({ limit: z.number().int().min(1).max(5000) }),
    result: z.strictObject({
      alarms: z.array(AlarmSchema),
      watchLists: z.array(WatchListSchema),
      open: z.number().int(),
    }),
  },
  /** Acknowledges an alarm with the operator's note (an acknowledged one keeps its first note). */
  'alarm:ack': {
    params: z.strictObject({ id: z.number().int(), note: z.string().trim().min(1).max(1000) }),
    result: AlarmSchema,
  },
  /** Creates or replaces a watch list. */
  'alarm:watch': { params: z.strictObject({ watchList: WatchListSchema }), result: WatchListSchema },
  'alarm:unwatch': { params: z.strictObject({ id: z.string().max(64) }), result: z.strictObject({}) },
} as const;

export const alarmEvents = {
  /** An alarm was raised, ended or acknowledged; `raised` with the watch list's pop and sound when new. */
  'alarm:changed': z.strictObject({
    alarm: AlarmSchema,
    raised: z.boolean(),
    pop: WatchListSchema.shape.pop,
    sound: z.boolean(),
  }),
} as const;
