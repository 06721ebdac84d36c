/**
 * A camera's ONVIF events through a PullPoint subscription (ONVIF Core §9.1):
 * the `onvif` package creates it when a listener is added, pulls in a loop,
 * renews after each pull (what Axis and others need), and unsubscribes once
 * the listener is gone. Its own connection, apart from PTZ's: a pull is a
 * long poll. Errors are reported, and the subscription is made again after a
 * pause, so a camera that reboots comes back without anyone's help.
 */
import { Cam } from 'onvif';
import type { Credentials } from '../../../shared/model';
import { credentialsOf } from '../../../shared/model';
import { readOnvifEvent, type OnvifEventReading } from '../../../shared/onvif-events';
import { classifyOnvifError, splitAddress } from './onvif-service';

interface EventCam {
  connect(cb: (err: Error | null) => void): void;
  on(event: 'event', listener: (message: unknown) => void): void;
  on(event: 'eventsError', listener: (error: unknown) => void): void;
  removeAllListeners(event?: string): void;
}

export const RESUBSCRIBE_MS = 10_000;

/** Subscribes to `address`'s events; the answer stops it. `onError` hears why it is not (yet) subscribed. */
export function subscribeEvents(
  address: string,
  credentials: Credentials,
  onEvent: (reading: OnvifEventReading) => void,
  onError: (message: string) => void,
): () => void {
  let stopped = false;
  let cam: EventCam | undefined;
  let retry: NodeJS.Timeout | undefined;
  const start = () => {
    if (stopped) return;
    const { hostname, port } = splitAddress(address);
    const next = new Cam({
      hostname,
      port,
      ...credentialsOf(credentials),
      timeout: 8000,
      preserveAddress: true,
      autoconnect: false,
    }) as unknown as EventCam;
    cam = next;
    next.connect((err) => {
      if (stopped) return;
      if (err) {
        onError(classifyOnvifError(err, address).message);
        retry = setTimeout(start, RESUBSCRIBE_MS);
        return;
      }
      next.on('eventsError', (error) => onError(classifyOnvifError(error, address).message));
      next.on('event', (message) => {
        const reading = readOnvifEvent(message);
        if (reading) onEvent(reading);
      });
    });
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    // No listener left: the package's loop unsubscribes after the pull in flight.
    cam?.removeAllListeners('event');
    cam?.removeAllListeners('eventsError');
  };
}
