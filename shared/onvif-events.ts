/**
 * An ONVIF notification (a PullPoint message, as the `onvif` package hands it
 * over: XML made into objects, names lower-camel-cased) → what Pantau raises
 * an alarm for. Topics differ by vendor; these are the ONVIF profile S/T
 * names and the common vendor spellings of the same three things.
 */
import type { AlarmKind } from './alarms';

export interface OnvifEventReading {
  kind: Exclude<AlarmKind, 'down'>;
  active: boolean;
  /** When the camera says it happened (ms since epoch), if it says. */
  at?: number;
}

const topicKinds: [RegExp, OnvifEventReading['kind']][] = [
  [/(MotionAlarm|CellMotionDetector\/Motion|MotionDetect|VideoMotion)/i, 'motion'],
  [/(GlobalSceneChange|Tamper|Defocus)/i, 'tamper'],
  [/(SignalLoss|VideoLoss)/i, 'video-loss'],
];

/** The data items that carry the on/off state under the topics above. */
const stateItems = /^(State|IsMotion|IsTamper|IsInside|Value|Active)$/i;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_' in value) return String((value as { _: unknown })._);
  return '';
}

export function readOnvifEvent(message: unknown): OnvifEventReading | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as { topic?: unknown; message?: { message?: Record<string, unknown> } };
  const topic = textOf(m.topic);
  const kind = topicKinds.find(([pattern]) => pattern.test(topic))?.[1];
  const body = m.message?.message;
  if (!kind || !body) return undefined;
  const attributes = (body.$ ?? {}) as { UtcTime?: string; PropertyOperation?: string };
  const data = body.data as { simpleItem?: unknown } | undefined;
  const item = asArray(data?.simpleItem)
    .map((i) => (i as { $?: { Name?: unknown; Value?: unknown } }).$ ?? {})
    .find((i) => stateItems.test(String(i.Name ?? '')));
  if (!item) return undefined;
  const value = String(item.Value).toLowerCase();
  const active = value === 'true' || value === '1';
  // "Initialized" tells the state at subscription time: an alarm only if it is on.
  if (attributes.PropertyOperation === 'Initialized' && !active) return undefined;
  const at = attributes.UtcTime ? Date.parse(attributes.UtcTime) : NaN;
  return { kind, active, ...(Number.isFinite(at) ? { at } : {}) };
}
