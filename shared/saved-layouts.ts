/** Saved wall layouts: the file on disk, the export format, and what the API carries. */
import { z } from 'zod';
import { LayoutGeometrySchema } from './layouts';
import { CameraIdSchema } from './model';
import type { LayoutRate } from './shedding-policy';

export const LayoutIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and "-"');

export const SavedLayoutSchema = z
  .strictObject({
    id: LayoutIdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(80),
    geometry: LayoutGeometrySchema,
    /** Camera per tile, in the geometry's tile order; null for an empty tile. */
    cameras: z.array(CameraIdSchema.nullable()),
    /** The display this layout is meant for (a name or id the shell understands). */
    monitor: z.string().max(120).optional(),
    /** Locked by a supervisor: operators may only save a copy. */
    locked: z.boolean(),
    updatedAt: z.number().int().nonnegative(),
    /** Picture rate past the machine's capacity (issue #23): shed when needed (auto, the default), never, or always. */
    rate: z.enum(['auto', 'full', 'keyframes'] as const satisfies readonly LayoutRate[]).optional(),
    /** Tiles (indexes) that keep their full rate: given up last, with the selected and maximised. */
    pinned: z.array(z.number().int().min(0).max(63)).max(64).optional(),
  })
  .superRefine((layout, ctx) => {
    if (layout.pinned?.some((index) => index >= layout.geometry.tiles.length)) {
      ctx.addIssue({ code: 'custom', path: ['pinned'], message: 'names a tile the layout does not have' });
    }
    if (layout.cameras.length !== layout.geometry.tiles.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cameras'],
        message: `has ${layout.cameras.length} entries for ${layout.geometry.tiles.length} tiles`,
      });
    }
  });
export type SavedLayout = z.infer<typeof SavedLayoutSchema>;

/** A tour: layouts shown one after another, each for its dwell time. */
const dwellSeconds = z.number().int().min(3).max(3600);

/**
 * A tour: layouts shown one after another, or cameras shown one after
 * another in one tile; each step for its dwell time.
 */
export const TourSchema = z
  .strictObject({
    steps: z
      .array(
        z.union([
          z.strictObject({ layoutId: LayoutIdSchema, dwellSeconds }),
          z.strictObject({ cameraId: CameraIdSchema, dwellSeconds }),
        ]),
      )
      .min(1, 'needs at least one step')
      .max(200),
    /** For camera tours: the tile (index in the wall) the cameras take turns in. */
    tile: z.number().int().min(0).max(63).optional(),
    /** Running tours resume after a restart, at the step they were on. */
    running: z.boolean(),
    index: z.number().int().nonnegative(),
  })
  .superRefine((tour, ctx) => {
    const cameraSteps = tour.steps.filter((s) => 'cameraId' in s).length;
    if (cameraSteps > 0 && cameraSteps < tour.steps.length)
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'mixes layouts and cameras' });
    if (cameraSteps > 0 && tour.tile === undefined)
      ctx.addIssue({ code: 'custom', path: ['tile'], message: 'is needed for a camera tour' });
  });
export type Tour = z.infer<typeof TourSchema>;

export const LAYOUT_FILE_VERSION = 1;

export const LayoutFileSchema = z
  .strictObject({
    version: z.literal(LAYOUT_FILE_VERSION),
    layouts: z.array(SavedLayoutSchema).max(500),
    defaultLayoutId: LayoutIdSchema.optional(),
    tour: TourSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.layouts.forEach((layout, i) => {
      if (ids.has(layout.id))
        ctx.addIssue({ code: 'custom', path: ['layouts', i, 'id'], message: `duplicates layout id "${layout.id}"` });
      ids.add(layout.id);
    });
  });
export type LayoutFile = z.infer<typeof LayoutFileSchema>;

/** The portable export: what one machine writes and another imports. */
export const LayoutExportSchema = z.strictObject({
  format: z.literal('pantau-layouts'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  layouts: z.array(SavedLayoutSchema).min(1, 'holds no layout').max(500),
});

/** A file that had to be recovered at start-up: shown to the user in their language. */
export const StoreNoticeSchema = z.strictObject({
  kind: z.enum(['restored', 'reset', 'missing-restored']),
  /** What was wrong, in technical words (field paths, parser message). */
  detail: z.string(),
  /** The name the damaged file was kept under. */
  keptAs: z.string().optional(),
  /** When the restored copy was saved (ISO 8601). */
  savedAt: z.string().optional(),
});
export type StoreNotice = z.infer<typeof StoreNoticeSchema>;

export const LayoutListSchema = z.strictObject({
  layouts: z.array(SavedLayoutSchema),
  defaultLayoutId: LayoutIdSchema.optional(),
  /** Set once after the file had to be recovered. */
  notice: StoreNoticeSchema.optional(),
});
