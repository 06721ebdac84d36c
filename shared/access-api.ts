/** The access links' part of the API contract (issue #16), spread into shared/api.ts. */
import { z } from 'zod';
import { GroupPathSchema } from './alarms';
import { CameraIdSchema } from './model';

/** What a link may do besides watching: steer, take evidence, edit its cameras (shared/access.ts). */
export const accessRights = ['view', 'ptz', 'evidence', 'edit'] as const;
export type AccessRight = (typeof accessRights)[number];

export const AccessScopeSchema = z.strictObject({
  all: z.boolean(),
  groups: z.array(GroupPathSchema).max(200),
  cameraIds: z.array(CameraIdSchema).max(5000),
});

/** A link as the operator sees it: never its token (only its hash is kept). */
export const AccessLinkSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{8,32}$/),
  name: z.string().trim().min(1).max(120),
  // Every link may watch: the other rights are for the cameras it watches.
  rights: z
    .array(z.enum(accessRights))
    .max(accessRights.length)
    .refine((rights) => rights.includes('view'), 'must include view'),
  scope: AccessScopeSchema,
  createdAt: z.number(),
  expiresAt: z.number().optional(),
  revokedAt: z.number().optional(),
});
export type AccessLink = z.infer<typeof AccessLinkSchema>;

export const accessMethods = {
  'access:list': { params: z.strictObject({}), result: z.strictObject({ links: z.array(AccessLinkSchema) }) },
  /** A new link: its token is in the answer once and never again. */
  'access:create': {
    params: z.strictObject({
      name: AccessLinkSchema.shape.name,
      rights: AccessLinkSchema.shape.rights,
      scope: AccessScopeSchema,
      /** Days until it stops working (none: until revoked). */
      days: z.number().int().min(1).max(3650).optional(),
    }),
    result: z.strictObject({ link: AccessLinkSchema, token: z.string() }),
  },
  /** Stops a link at once: its open pages and streams are closed within a second. */
  'access:revoke': { params: z.strictObject({ id: AccessLinkSchema.shape.id }), result: AccessLinkSchema },
} as const;
