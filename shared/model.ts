/**
 * The domain model shared by core and renderer. Schemas are the single source
 * of truth: files on disk, IPC payloads and WebSocket RPC payloads are all
 * parsed with these.
 */
import { z } from 'zod';
import { errorCodes } from './errors';
import { rtspUrlProblem } from './rtsp-url';

/** A camera id: what a file, a URL path and a snapshot's name can all carry. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const CameraIdSchema = z
  .string()
  .regex(idPattern, 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const ProfileNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be a short lowercase name such as "main" or "sub"');

const RtspUrlSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = rtspUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // Kept as the parser reads it (a space or "@" in a password percent-encoded), never as typed.
  .transform((value) => new URL(value).href);

/** Text-direction controls (U+202A–202E, U+2066–2069, marks) can reorder what a tile or a snapshot shows. */
const textDirectionControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** Line breaks, tabs, other control characters or text-direction tricks: refused in anything shown as a name. */
export function hasControlCharacters(value: string): boolean {
  return controlCharacters.test(value) || textDirectionControls.test(value);
}

/** The longest text each camera field may hold (the schemas below and the field checks share them). */
export const fieldLimits = { id: 64, name: 120, group: 300, username: 128, password: 256 } as const;

/** A name people read on a tile or burnt into a snapshot: no control characters, no text-direction tricks. */
const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(fieldLimits.name)
  .refine((v) => !controlCharacters.test(v), 'must not contain line breaks, tabs or other control characters')
  .refine((v) => !textDirectionControls.test(v), 'must not contain text-direction control characters');

const dimension = z.number().int().min(16).max(8192);

/** A stream profile as written in the camera file (URL included). */
export const StreamProfileFileSchema = z.strictObject({
  profile: ProfileNameSchema,
  url: RtspUrlSchema,
  width: dimension.optional(),
  height: dimension.optional(),
  fps: z.number().min(1).max(120).optional(),
  /**
   * RTP over TCP (interleaved), UDP, RTSP tunnelled in HTTP (through proxies
   * that pass only web traffic), or auto: TCP first, UDP when the camera
   * refuses TCP or sends nothing over it.
   */
  transport: z.enum(['auto', 'tcp', 'udp', 'http']).optional(),
});
export type StreamTransport = NonNullable<z.infer<typeof StreamProfileFileSchema>['transport']>;
/** What one attempt uses. */
export type RtpTransport = Exclude<StreamTransport, 'auto'>;

/** "host" or "host:port" of a device's web service (what a user types; no scheme, no path). */
export const DeviceAddressSchema = z
  .string()
  .trim()
  .regex(
    /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/,
    'must be a host or host:port, such as 192.168.1.64 or 192.168.1.64:8080',
  );

/** How a camera added over ONVIF is reached for PTZ (its streams are ordinary RTSP streams). */
export const OnvifLinkSchema = z.strictObject({
  address: DeviceAddressSchema,
  /** The media profile PTZ commands are sent for. */
  profileToken: z.string().min(1).max(64),
  ptz: z.boolean(),
  snapshotUri: z.string().max(2048).optional(),
});
export type OnvifLink = z.infer<typeof OnvifLinkSchema>;

export const CameraFileEntrySchema = z.strictObject({
  id: CameraIdSchema,
  name: DisplayNameSchema,
  group: z
    .string()
    .max(fieldLimits.group)
    .refine((v) => !hasControlCharacters(v), 'must not contain control characters')
    .optional(),
  streams: z.array(StreamProfileFileSchema).min(1, 'needs at least one stream'),
  username: z.string().max(fieldLimits.username).optional(),
  password: z.string().max(fieldLimits.password).optional(),
  /** The password encrypted with the operating system's key (Electron safeStorage), base64. */
  passwordSealed: z.string().max(4096).optional(),
  onvif: OnvifLinkSchema.optional(),
});

export const CameraFileSchema = z
  .strictObject({
    /** 1 since the field exists; a file without it is read as version 0 and migrated. */
    version: z.literal(1).optional(),
    cameras: z.array(CameraFileEntrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.cameras.forEach((camera, index) => {
      if (seen.has(camera.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cameras', index, 'id'],
          message: `duplicates camera id "${camera.id}"`,
        });
      }
      seen.add(camera.id);
      const profiles = new Set<string>();
      camera.streams.forEach((stream, s) => {
        if (profiles.has(stream.profile)) {
          ctx.addIssue({
            code: 'custom',
            path: ['cameras', index, 'streams', s, 'profile'],
            message: `duplicates profile "${stream.profile}"`,
          });
        }
        profiles.add(stream.profile);
      });
    });
  });

export type CameraFile = z.infer<typeof CameraFileSchema>;

export interface Credentials {
  username?: string;
  password?: string;
}

/** The credentials in a camera entry or a login form; an empty field is no credential. */
export function credentialsOf(from: { username?: string | undefined; password?: string | undefined }): Credentials {
  return {
    ...(from.username ? { username: from.username } : {}),
    ...(from.password ? { password: from.password } : {}),
  };
}
export type CameraFileEntry = z.infer<typeof CameraFileEntrySchema>;

/**
 * A camera as the edit dialog sees it: URLs without user info, the username,
 * and only whether a password is stored — never the password.
 */
export const CameraEditViewSchema = z.strictObject({
  id: CameraIdSchema,
  name: z.string(),
  group: z.string().optional(),
  streams: z.array(StreamProfileFileSchema),
  username: z.string().optional(),
  hasPassword: z.boolean(),
});
export type CameraEditView = z.infer<typeof CameraEditViewSchema>;

/** What the renderer may know of a profile: no URL. */
export const ProfileSummarySchema = z.strictObject({
  profile: ProfileNameSchema,
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

/** What the renderer may know of a camera: no URL, no credentials. */
export const CameraSummarySchema = z.strictObject({
  id: CameraIdSchema,
  name: z.string(),
  group: z.string().optional(),
  profiles: z.array(ProfileSummarySchema),
  demo: z.boolean(),
  /** The camera takes PTZ commands (added over ONVIF and it reported a PTZ service). */
  ptz: z.boolean().optional(),
});
export type CameraSummary = z.infer<typeof CameraSummarySchema>;

/**
 * A stream session's life: connecting → live ⇄ stalled; a failure leads to
 * reconnecting (backoff), then offline after repeated failures (slow retry);
 * auth-failed and unsupported wait long before trying again; degraded is a
 * picture that moves but that ffmpeg reports damaged (concealed errors).
 */
export const streamStates = [
  'idle',
  'connecting',
  'live',
  'degraded',
  'stalled',
  'reconnecting',
  'offline',
  'auth-failed',
  'unsupported',
] as const;
export const StreamStateSchema = z.enum(streamStates);
export type StreamState = z.infer<typeof StreamStateSchema>;

export const StreamStatusSchema = z.strictObject({
  cameraId: CameraIdSchema,
  profile: ProfileNameSchema,
  state: StreamStateSchema,
  /** ms since epoch when this state began */
  since: z.number(),
  /** The last failure, redacted; kept after recovery so a report can show it. */
  error: z.strictObject({ code: z.enum(errorCodes), message: z.string() }).optional(),
  /** When the next connection attempt is due (ms since epoch), while waiting. */
  retryAt: z.number().optional(),
  fps: z.number().nonnegative(),
  kbps: z.number().nonnegative(),
  /** ms since epoch of the last frame ffmpeg delivered */
  lastFrameAt: z.number().optional(),
  /** Connection attempts after the first. */
  reconnects: z.number().int().nonnegative(),
  /**
   * Seconds between the stream's key pictures (its GOP), once two were seen: an economy tile
   * paints one a GOP, so this says how slow a tile on key pictures will be.
   */
  gopSeconds: z.number().positive().optional(),
  /** The RTP transport the stream is using (or last used). */
  transport: z.enum(['tcp', 'udp', 'http']).optional(),
  /** The picture's path to the page: MPEG-1 transcoded for JSMpeg, or the camera's H.264 copied for the page's decoder. */
  video: z.enum(['mpeg1', 'h264']).optional(),
});
export type StreamStatus = z.infer<typeof StreamStatusSchema>;

/** "cameras[2].streams[0].url: is not a URL" — one line per problem, naming the field. */
export function describeIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        root,
      );
      return `${path || '(file)'}: ${issue.message}`;
    })
    .join('\n');
}
