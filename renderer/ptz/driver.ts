/**
 * Press-and-hold PTZ for every input (pad, keys, gamepad): each input holds
 * a velocity for a camera; the newest held one is sent, a change only when it
 * is noticeable, repeated while held (the device stops a move by itself after
 * 5 s, so a page that dies mid-move cannot leave a camera turning); when the
 * last input lets go, Stop. The state shown is only what the camera
 * confirmed: "moving" after a move was accepted, "still" after a Stop was,
 * "unknown" when either failed.
 */
import { isStill, type PtzVelocity } from '../../shared/onvif';

export type PtzInput = 'pad' | 'keys' | 'gamepad';
export type PtzState = 'still' | 'moving' | 'unknown';

export interface PtzTransport {
  move(cameraId: string, velocity: PtzVelocity): Promise<{ ok: true } | { ok: false; message: string }>;
  stop(cameraId: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

export const STILL: PtzVelocity = { pan: 0, tilt: 0, zoom: 0 };
/** Smaller changes than this (per axis) are not worth a command. */
export const MIN_CHANGE = 0.05;
/** A held move is sent again this often, well inside the device's 5 s timeout. */
export const KEEPALIVE_MS = 2000;

interface Held {
  input: PtzInput;
  velocity: PtzVelocity;
  at: number;
}

export class PtzDriver {
  private readonly held = new Map<string, Held[]>();
  private readonly sent = new Map<string, PtzVelocity>();
  private readonly timers = new Map<string, ReturnType<typeof setInterval>>();
  private seq = 0;

  constructor(
    private readonly transport: PtzTransport,
    private readonly report: (cameraId: string, state: PtzState, error?: string) => void,
  ) {}

  /** An input holds (or changes) a velocity; a still velocity is the same as letting go. */
  hold(cameraId: string, input: PtzInput, velocity: PtzVelocity): void {
    if (isStill(velocity)) return this.release(cameraId, input);
    const list = (this.held.get(cameraId) ?? []).filter((h) => h.input !== input);
    list.push({ input, velocity, at: ++this.seq });
    this.held.set(cameraId, list);
    this.apply(cameraId);
  }

  release(cameraId: string, input: PtzInput): void {
    const list = this.held.get(cameraId);
    if (!list?.some((h) => h.input === input)) return;
    const rest = list.filter((h) => h.input !== input);
    if (rest.length) this.held.set(cameraId, rest);
    else this.held.delete(cameraId);
    this.apply(cameraId);
  }

  /** Everything lets go: the window lost focus, the page is hidden, the pointer left the window. */
  releaseAll(input?: PtzInput): void {
    for (const cameraId of [...this.held.keys()]) {
      if (input) this.release(cameraId, input);
      else {
        this.held.delete(cameraId);
        this.apply(cameraId);
      }
    }
  }

  isHeld(cameraId: string): boolean {
    return this.held.has(cameraId);
  }

  private apply(cameraId: string): void {
    const list = this.held.get(cameraId);
    const wanted = list?.length ? list.reduce((a, b) => (b.at > a.at ? b : a)).velocity : STILL;
    const last = this.sent.get(cameraId) ?? STILL;
    if (isStill(wanted)) {
      this.clearKeepalive(cameraId);
      if (!this.sent.has(cameraId)) return;
      this.sent.delete(cameraId);
      void this.transport
        .stop(cameraId)
        .then((r) => (r.ok ? this.report(cameraId, 'still') : this.report(cameraId, 'unknown', r.message)));
      return;
    }
    if (this.sent.has(cameraId) && !changed(last, wanted)) return;
    this.send(cameraId, wanted);
    if (!this.timers.has(cameraId)) {
      this.timers.set(
        cameraId,
        setInterval(() => {
          const current = this.sent.get(cameraId);
          if (current) this.send(cameraId, current);
        }, KEEPALIVE_MS),
      );
    }
  }

  private send(cameraId: string, velocity: PtzVelocity): void {
    this.sent.set(cameraId, velocity);
    void this.transport.move(cameraId, velocity).then((r) => {
      if (r.ok) {
        // A Stop may have gone out meanwhile: only say "moving" while still held.
        if (this.sent.has(cameraId)) this.report(cameraId, 'moving');
        return;
      }
      // The move failed: we do not know what the camera does. Let go, and try a Stop.
      this.held.delete(cameraId);
      this.clearKeepalive(cameraId);
      this.sent.delete(cameraId);
      this.report(cameraId, 'unknown', r.message);
      void this.transport.stop(cameraId).then((s) => {
        if (s.ok) this.report(cameraId, 'still', r.message);
      });
    });
  }

  private clearKeepalive(cameraId: string): void {
    const timer = this.timers.get(cameraId);
    if (timer) clearInterval(timer);
    this.timers.delete(cameraId);
  }
}

/** Worth a command: a noticeable change on an axis, or a reversal however small. */
const changed = (a: PtzVelocity, b: PtzVelocity) =>
  (['pan', 'tilt', 'zoom'] as const).some((k) => Math.abs(a[k] - b[k]) >= MIN_CHANGE || a[k] * b[k] < 0);

/** Pad geometry: a point in the pad (0…1 each way, centre 0.5) → pan/tilt, speed growing with the distance from the centre. */
export function padVelocity(x: number, y: number, deadZone = 0.08): PtzVelocity {
  let dx = (x - 0.5) * 2;
  let dy = (0.5 - y) * 2;
  const length = Math.hypot(dx, dy);
  if (length < deadZone) return STILL;
  if (length > 1) {
    dx /= length;
    dy /= length;
  }
  return { pan: round(dx), tilt: round(dy), zoom: 0 };
}

export interface GamepadMapping {
  panAxis: number;
  tiltAxis: number;
  invertTilt: boolean;
  /** An axis for zoom (a twist or throttle), or null to use buttons. */
  zoomAxis: number | null;
  zoomInButton: number | null;
  zoomOutButton: number | null;
  /** Buttons that go to presets 1, 2, … (by their order in the camera's list). */
  presetButtons: number[];
  deadZone: number;
}

/** The standard-mapping gamepad: left stick moves, shoulder buttons zoom, A/B/X/Y presets 1–4. */
export const defaultGamepadMapping: GamepadMapping = {
  panAxis: 0,
  tiltAxis: 1,
  invertTilt: true,
  zoomAxis: null,
  zoomInButton: 5,
  zoomOutButton: 4,
  presetButtons: [0, 1, 2, 3],
  deadZone: 0.15,
};

/** Axes and buttons → a velocity, with the dead zone taken out (so small drift is still). */
export function gamepadVelocity(axes: readonly number[], pressed: readonly boolean[], m: GamepadMapping): PtzVelocity {
  const axis = (i: number | null) => {
    if (i === null) return 0;
    const v = axes[i] ?? 0;
    if (Math.abs(v) < m.deadZone) return 0;
    return round(Math.sign(v) * ((Math.abs(v) - m.deadZone) / (1 - m.deadZone)));
  };
  const tilt = axis(m.tiltAxis);
  let zoom = axis(m.zoomAxis);
  if (m.zoomInButton !== null && pressed[m.zoomInButton]) zoom = 0.5;
  else if (m.zoomOutButton !== null && pressed[m.zoomOutButton]) zoom = -0.5;
  return { pan: axis(m.panAxis), tilt: m.invertTilt ? -tilt || 0 : tilt, zoom };
}

const round = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 100) / 100;
