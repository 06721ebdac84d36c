/**
 * The fleet watch's part of the API contract (issue #14), spread into
 * shared/api.ts's methods and events.
 */
import { z } from 'zod';
import { FleetCameraSchema, FleetSettingsSchema, OutageSchema, uptimePeriods } from './fleet';

const SweepSchema = z.strictObject({
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  checked: z.number().int(),
  down: z.number().int(),
});

/** An IANA zone name the core can compute local days in ("Asia/Jakarta"). */
const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a time zone');

export const fleetMethods = {
  /** Every camera's last known state (all of them: the directory badges the whole city). */
  'fleet:states': {
    params: z.strictObject({}),
    result: z.strictObject({
      settings: FleetSettingsSchema,
      sweeping: z.boolean(),
      last: SweepSchema.optional(),
      cameras: z.array(FleetCameraSchema),
      /** The database was damaged at start-up and a new one begun (the old one kept beside it). */
      notice: z.string().optional(),
    }),
  },
  /** Starts a sweep now, unless one is running. */
  'fleet:sweep': { params: z.strictObject({}), result: z.strictObject({ started: z.boolean() }) },
  /** Changes the sweep's settings (kept in settings.json); answers all of them. */
  'fleet:configure': { params: FleetSettingsSchema.partial(), result: FleetSettingsSchema },
  /** Uptime per region and camera over a period of local days, and the outages in it. */
  'fleet:uptime': {
    params: z.strictObject({
      period: z.enum(uptimePeriods),
      timeZone: TimeZoneSchema,
      /** Parts of the group path that make a region (2: "Kota Semarang/Tembalang"). */
      depth: z.number().int().min(1).max(8).optional(),
    }),
    result: z.strictObject({
      now: z.number(),
      days: z.array(z.strictObject({ start: z.number(), end: z.number() })),
      regions: z.array(
        z.strictObject({
          region: z.string(),
          cameras: z.number().int(),
          up: z.number().int(),
          down: z.number().int(),
          perDay: z.array(z.number().nullable()),
          percent: z.number().optional(),
          downMs: z.number(),
        }),
      ),
      cameras: z.array(
        z.strictObject({
          cameraId: z.string(),
          region: z.string(),
          percent: z.number().optional(),
          downMs: z.number(),
          outages: z.number().int(),
        }),
      ),
      outages: z.array(OutageSchema),
      /** More outages than the answer carries: the newest are kept. */
      outagesLeftOut: z.number().int(),
    }),
  },
} as const;

export const fleetEvents = {
  /** Cameras whose fleet state changed (or first seen), and whether a sweep is running. */
  'fleet:changed': z.strictObject({ cameras: z.array(FleetCameraSchema), sweeping: z.boolean() }),
} as const;
