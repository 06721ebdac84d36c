/** What the ONVIF part of the contract carries (no credentials anywhere in it). */
import { z } from 'zod';
import { CameraIdSchema, DeviceAddressSchema } from './model';

export const DiscoveredDeviceSchema = z.strictObject({
  /** host:port to type into "add from ONVIF". */
  address: z.string(),
  /** The device's service address as it announced it. */
  xaddr: z.string(),
  /** The endpoint reference: stable per device. */
  urn: z.string(),
  name: z.string().optional(),
  model: z.string().optional(),
  /** true: it refused an anonymous request; false: it answered one; null: unclear. */
  needsCredentials: z.boolean().nullable(),
});
export type DiscoveredDevice = z.infer<typeof DiscoveredDeviceSchema>;

export const DeviceProfileSchema = z.strictObject({
  token: z.string(),
  name: z.string(),
  encoding: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  fps: z.number().optional(),
  /** RTSP URI without user info, on the host we reached. */
  streamUri: z.string(),
  snapshotUri: z.string().optional(),
});
export type DeviceProfile = z.infer<typeof DeviceProfileSchema>;

export const DeviceReportSchema = z.strictObject({
  address: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  firmware: z.string(),
  serial: z.string(),
  /** Largest first. */
  profiles: z.array(DeviceProfileSchema),
  ptz: z.boolean(),
  /** The profile PTZ commands go to. */
  ptzProfileToken: z.string().optional(),
  /** The device named another host in its stream URIs (NAT, relay); they were pointed at the address we reached. */
  rewrittenFrom: z.string().optional(),
});
export type DeviceReport = z.infer<typeof DeviceReportSchema>;

export const PtzPresetSchema = z.strictObject({ token: z.string(), name: z.string() });
export type PtzPreset = z.infer<typeof PtzPresetSchema>;

const speed = z.number().min(-1).max(1);
export const PtzVelocitySchema = z.strictObject({ pan: speed, tilt: speed, zoom: speed });
/** pan: -1 left … 1 right; tilt: -1 down … 1 up; zoom: -1 out … 1 in. */
export type PtzVelocity = z.infer<typeof PtzVelocitySchema>;

/** No movement on any axis: the same as a Stop. */
export const isStill = (v: PtzVelocity): boolean => v.pan === 0 && v.tilt === 0 && v.zoom === 0;

export const DeviceLoginSchema = z.strictObject({
  address: DeviceAddressSchema,
  username: z.string().max(128).optional(),
  password: z.string().max(256).optional(),
});

export const ptzTarget = { cameraId: CameraIdSchema };
