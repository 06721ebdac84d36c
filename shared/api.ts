/**
 * The one API contract between core and renderer. Electron IPC (preload) and
 * the browser host's WebSocket RPC both carry exactly these methods and
 * events, validated with these schemas on the core side. No other file
 * declares a channel.
 */
import { z } from 'zod';
import { errorCodes } from './errors';
import { fieldProblems } from './camera-fields';
import {
  CameraEditViewSchema,
  CameraFileEntrySchema,
  CameraIdSchema,
  CameraSummarySchema,
  ProfileNameSchema,
  StreamStatusSchema,
} from './model';
import {
  DeviceLoginSchema,
  DeviceReportSchema,
  DiscoveredDeviceSchema,
  PtzPresetSchema,
  PtzVelocitySchema,
  ptzTarget,
} from './onvif';
import { alarmEvents, alarmMethods } from './alarm-api';
import { fleetEvents, fleetMethods } from './fleet-api';
import { evidenceEvents, evidenceMethods } from './evidence-api';
import { accessMethods, accessRights } from './access-api';
import { LayoutIdSchema, LayoutListSchema, SavedLayoutSchema, StoreNoticeSchema, TourSchema } from './saved-layouts';

const cameraFields = ['id', 'name', 'group', 'main', 'sub', 'username', 'password', 'transport'] as const;
const CsvRejectionSchema = z.strictObject({
  line: z.number().int(),
  reason: z.string(),
  issues: z.array(
    z.strictObject({
      column: z.string().optional(),
      field: z.enum(cameraFields).optional(),
      problem: z.enum([...fieldProblems, 'empty-file', 'missing-columns']),
      missing: z.array(z.enum(cameraFields)).optional(),
    }),
  ),
});

const none = z.strictObject({});

/** What a viewer takes from its camera's stream: every picture, or key pictures only (economy, issue #23). */
export const ViewerRateSchema = z.enum(['full', 'key', 'key-slow']);
export type ViewerRate = z.infer<typeof ViewerRateSchema>;

/** The operator's display choices, kept by the core beside the layouts (every window of this machine starts with them). */
export const UiSettingsSchema = z.strictObject({
  language: z.enum(['id', 'en']).optional(),
  tileText: z.enum(['small', 'normal', 'large']).optional(),
  decoder: z.enum(['auto', 'native', 'mpeg1']).optional(),
});
export type UiSettings = z.infer<typeof UiSettingsSchema>;

/** A camera as the page sends it: sealed passwords are the core's business, never the page's. */
const CameraFromPageSchema = CameraFileEntrySchema.omit({ passwordSealed: true });

export const AppInfoSchema = z.strictObject({
  name: z.literal('Pantau'),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  demo: z.boolean(),
  /** Camera passwords at rest: encrypted with the OS's key, or stored as written (say so in the UI). */
  secrets: z.enum(['encrypted', 'plain']),
  /** Cameras whose stored password this machine cannot decrypt: enter it again. */
  unreadablePasswords: z.array(z.string()),
  /** The camera file was damaged or missing at start-up and was recovered from its last good copy. */
  cameraFileNotice: StoreNoticeSchema.optional(),
  /** This page came in through an access link (issue #16): whose, and what it may do. */
  access: z.strictObject({ name: z.string(), rights: z.array(z.enum(accessRights)) }).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const apiMethods = {
  'app:info': { params: none, result: AppInfoSchema },
  'camera:list': { params: none, result: z.array(CameraSummarySchema) },
  /** Where to fetch the MPEG-TS stream of a camera; the profile is chosen by the core when omitted. */
  'stream:open': {
    params: z.strictObject({
      cameraId: CameraIdSchema,
      profile: ProfileNameSchema.optional(),
      tileWidth: z.number().int().min(1).max(16384).optional(),
      tileHeight: z.number().int().min(1).max(16384).optional(),
      /** h264: the camera's own picture for the page's decoder (WebCodecs); default mpeg1 for JSMpeg. */
      video: z.enum(['mpeg1', 'h264']).optional(),
      /** Economy (issue #23): key pictures only, or one GOP's key picture in three; default every picture. */
      rate: ViewerRateSchema.optional(),
    }),
    /** The profile chosen and the box its picture is scaled into (the same `chooseStream` the page keys on). */
    result: z.strictObject({
      url: z.string(),
      profile: ProfileNameSchema,
      width: z.number().int(),
      height: z.number().int(),
    }),
  },
  'stream:statuses': { params: none, result: z.array(StreamStatusSchema) },
  /** Reads a CSV inventory and reports what it would add, update and reject; with apply, writes it. */
  'camera:import': {
    // A city's 20,000-camera file is about 3 MB: 16 M characters leave room five times over.
    params: z.strictObject({ text: z.string().max(16_000_000), apply: z.boolean() }),
    result: z.strictObject({
      added: z.array(z.string()),
      updated: z.array(z.string()),
      rejected: z.array(CsvRejectionSchema),
      /** Cameras moved to another host without a password in the file: their stored password was not carried there. */
      passwordsDropped: z.array(z.string()),
    }),
  },
  /**
   * Opens a camera URL and reports what answered. With `cameraId` (the edit
   * dialog), a password left empty means the stored one, used inside the core.
   */
  'camera:probe': {
    params: z.strictObject({
      url: z.string().max(2048),
      username: z.string().max(128).optional(),
      password: z.string().max(256).optional(),
      cameraId: CameraIdSchema.optional(),
      transport: z.enum(['auto', 'tcp', 'udp', 'http']).optional(),
    }),
    result: z.strictObject({
      outcome: z.enum(['ok', 'auth-failed', 'unreachable', 'timeout', 'not-rtsp', 'unsupported', 'failed']),
      /** The failure class, as the wall names it (same classifier). */
      failure: z.enum(errorCodes).optional(),
      /** The transport the answer came over. */
      transport: z.enum(['tcp', 'udp', 'http']).optional(),
      codec: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      fps: z.number().optional(),
      detail: z.string().optional(),
      /** A web server answered at the address (the camera's web port instead of RTSP's). */
      http: z.boolean().optional(),
    }),
  },
  /** Adds a camera to the inventory (an id already there is refused). */
  'camera:add': { params: z.strictObject({ camera: CameraFromPageSchema }), result: CameraSummarySchema },
  /** A camera for the edit dialog: no password, URLs without user info. */
  'camera:get': { params: z.strictObject({ cameraId: CameraIdSchema }), result: CameraEditViewSchema },
  /** Replaces a camera; an empty password keeps the stored one unless clearPassword. */
  'camera:update': {
    params: z.strictObject({ camera: CameraFromPageSchema, clearPassword: z.boolean().optional() }),
    /** `passwordDropped`: the camera moved to another host without a new password; the stored one was not carried there. */
    result: CameraSummarySchema.extend({ passwordDropped: z.boolean() }),
  },
  'camera:remove': { params: z.strictObject({ cameraId: CameraIdSchema }), result: z.strictObject({}) },
  /** Hides the built-in demo cameras for good on this machine ("Hapus kamera demo"). */
  'demo:remove': { params: none, result: z.strictObject({ removed: z.number().int() }) },
  /** The inventory as CSV; passwords only when asked for explicitly. */
  'camera:export': {
    params: z.strictObject({ includePasswords: z.boolean() }),
    result: z.strictObject({ text: z.string() }),
  },
  'layout:list': { params: none, result: LayoutListSchema },
  /** Creates or replaces a layout; a locked one cannot be replaced (save a copy instead). */
  'layout:save': { params: z.strictObject({ layout: SavedLayoutSchema }), result: SavedLayoutSchema },
  'layout:delete': { params: z.strictObject({ id: LayoutIdSchema }), result: z.strictObject({}) },
  'layout:default': { params: z.strictObject({ id: LayoutIdSchema.nullable() }), result: z.strictObject({}) },
  'layout:lock': { params: z.strictObject({ id: LayoutIdSchema, locked: z.boolean() }), result: SavedLayoutSchema },
  /** Validates everything first; writes all layouts or none. */
  'layout:import': {
    params: z.strictObject({ text: z.string().max(5_000_000) }),
    result: z.strictObject({ imported: z.array(SavedLayoutSchema), unknownCameras: z.array(CameraIdSchema) }),
  },
  'layout:export': {
    params: z.strictObject({ ids: z.array(LayoutIdSchema).optional() }),
    result: z.strictObject({ text: z.string() }),
  },
  /** One frame at the stream's resolution, name and time burnt in, PNG + sidecar JSON with its SHA-256. */
  'snapshot:take': {
    params: z.strictObject({ cameraId: CameraIdSchema, profile: ProfileNameSchema.optional() }),
    result: z.strictObject({
      file: z.string(),
      sidecar: z.string(),
      sha256: z.string(),
      width: z.number(),
      height: z.number(),
      takenAt: z.string(),
    }),
  },
  /**
   * WS-Discovery, only on request: the multicast group, or the listed
   * addresses (a directed probe across routed networks).
   */
  'onvif:discover': {
    params: z.strictObject({
      timeoutMs: z.number().int().min(200).max(15_000),
      targets: z.array(z.string().max(64)).max(256).optional(),
    }),
    result: z.strictObject({ devices: z.array(DiscoveredDeviceSchema) }),
  },
  /** Reads a device: information, profiles with stream URIs (no credentials in them), PTZ. */
  'onvif:inspect': { params: DeviceLoginSchema, result: DeviceReportSchema },
  /** Reads the device again in the core and adds it as a camera; the credentials stay in the core. */
  'onvif:add': {
    params: DeviceLoginSchema.extend({
      id: CameraIdSchema,
      name: z.string().trim().min(1).max(120),
      group: z.string().max(300).optional(),
    }),
    result: CameraSummarySchema,
  },
  /** Continuous move until ptz:stop (or the device's 5 s safety timeout); sent: false when a newer move replaced it. */
  'ptz:move': {
    params: z.strictObject({ ...ptzTarget, velocity: PtzVelocitySchema }),
    result: z.strictObject({ sent: z.boolean() }),
  },
  'ptz:stop': { params: z.strictObject(ptzTarget), result: z.strictObject({}) },
  'ptz:presets': { params: z.strictObject(ptzTarget), result: z.strictObject({ presets: z.array(PtzPresetSchema) }) },
  'ptz:goto': {
    params: z.strictObject({ ...ptzTarget, token: z.string().min(1).max(64) }),
    result: z.strictObject({}),
  },
  /** Saves the current position as a new preset. */
  'ptz:save': {
    params: z.strictObject({ ...ptzTarget, name: z.string().trim().min(1).max(64) }),
    result: z.strictObject({ token: z.string() }),
  },
  'ptz:forget': {
    params: z.strictObject({ ...ptzTarget, token: z.string().min(1).max(64) }),
    result: z.strictObject({}),
  },
  'ptz:home': { params: z.strictObject(ptzTarget), result: z.strictObject({}) },
  /** Where evidence snapshots go, and whether this host can show a folder chooser (Electron can; the browser host takes --snapshot-dir). */
  'snapshot:folder': { params: none, result: z.strictObject({ folder: z.string(), canChoose: z.boolean() }) },
  /** Shows the operating system's folder chooser (Electron); the choice is remembered. */
  'snapshot:choose': { params: none, result: z.strictObject({ folder: z.string(), chosen: z.boolean() }) },
  /** The latest snapshots in the evidence folder, newest first, each checked against its sidecar's hash. */
  'snapshot:list': {
    params: z.strictObject({ limit: z.number().int().min(1).max(50) }),
    result: z.strictObject({
      folder: z.string(),
      /** This host can open the folder in the operating system's file manager (Electron). */
      canOpen: z.boolean(),
      /** This host can show a folder chooser to change it (Electron). */
      canChoose: z.boolean(),
      items: z.array(
        z.strictObject({
          file: z.string(),
          cameraId: z.string(),
          cameraName: z.string(),
          localTime: z.string(),
          takenAt: z.string(),
          width: z.number(),
          height: z.number(),
          sha256: z.string(),
          intact: z.boolean(),
          thumbnail: z.string().startsWith('data:image/jpeg;base64,').optional(),
        }),
      ),
    }),
  },
  /** Opens the evidence folder in the file manager (Electron only). */
  'snapshot:reveal': { params: none, result: z.strictObject({}) },
  /** CPU of the machine, the core and its ffmpeg processes since the last call (the status bar's figures). */
  'system:load': {
    params: none,
    result: z.strictObject({
      cores: z.number().int().min(1),
      machine: z.number().min(0).max(100),
      host: z.number().min(0).max(100),
      ffmpeg: z.number().min(0).max(100).nullable(),
      ffmpegCount: z.number().int().min(0),
    }),
  },
  'settings:get': { params: none, result: UiSettingsSchema },
  /** Changes the given choices only; answers all of them. */
  'settings:set': { params: UiSettingsSchema, result: UiSettingsSchema },
  'tour:get': { params: none, result: z.strictObject({ tour: TourSchema.nullable() }) },
  /** Saves the tour, its running state and step included (so it survives a restart); null removes it. */
  'tour:save': { params: z.strictObject({ tour: TourSchema.nullable() }), result: z.strictObject({}) },
  ...fleetMethods,
  ...alarmMethods,
  ...evidenceMethods,
  ...accessMethods,
} as const;

export const apiEvents = {
  /** A stream changed state (sent at once). */
  'stream:status': StreamStatusSchema,
  /** Every running stream's figures, once a second. */
  'stream:stats': z.array(StreamStatusSchema),
  /** The camera list changed (an import): fetch it again. */
  'camera:changed': z.strictObject({}),
  ...fleetEvents,
  ...alarmEvents,
  ...evidenceEvents,
} as const;

export type ApiMethod = keyof typeof apiMethods;
export type ApiEvent = keyof typeof apiEvents;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiMethods)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.infer<(typeof apiMethods)[M]['result']>;
export type ApiEventPayload<E extends ApiEvent> = z.infer<(typeof apiEvents)[E]>;

export const apiMethodNames = Object.keys(apiMethods) as ApiMethod[];
export const apiEventNames = Object.keys(apiEvents) as ApiEvent[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiMethods, name);
}

/** The messages of the WebSocket RPC (browser host). */
export const RpcRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  params: z.unknown(),
});
export type RpcMessage =
  { id: number; result: import('./errors').Result<unknown> } | { event: ApiEvent; payload: unknown };

/** The object the Electron preload exposes as `window.pantau`. */
export interface PantauBridge {
  invoke<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<import('./errors').Result<ApiResult<M>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}
