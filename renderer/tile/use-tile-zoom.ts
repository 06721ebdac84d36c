/**
 * Digital zoom on a tile's picture: the wheel zooms about the pointer, two
 * fingers pinch (on a touch screen or a touchpad that sends touches), a drag
 * moves the zoomed picture, and the zoom is dropped when the tile's camera
 * changes. The picture is the decoded one, scaled on the page: with the
 * native path that is the camera's own resolution.
 */
import { useEffect, useRef, type PointerEvent, type RefObject, type WheelEvent } from 'react';
import { noZoom, panBy, pinchBy, zoomAt, type Zoom } from '../../shared/zoom';
import { useZoomStore } from './zoom-store';

const WHEEL_STEP = 1.25;

export function useTileZoom(index: number, cameraId: string | null, tileRef: RefObject<HTMLDivElement | null>) {
  const zoom = useZoomStore((s) => s.zooms[index] ?? noZoom);
  const { setZoom, reset } = useZoomStore.getState();
  const grab = useRef<{ x: number; y: number } | undefined>(undefined);
  /** Fingers on the tile, by pointer, in page pixels: two of them pinch. */
  const fingers = useRef(new Map<number, { clientX: number; clientY: number }>());

  useEffect(() => () => reset(index), [cameraId, index, reset]);

  /** A finger lifted, or the pointer taken away (by the browser, or the tile going): no drag, no pinch. */
  const letGo = (event: PointerEvent) => {
    fingers.current.delete(event.pointerId);
    grab.current = undefined;
  };

  /** The pointer in fractions of the tile. */
  const at = (event: { clientX: number; clientY: number }) => {
    const box = tileRef.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };
  const current = (): Zoom => useZoomStore.getState().zooms[index] ?? noZoom;

  return {
    zoom,
    handlers: {
      onWheel: (event: WheelEvent) => {
        if (!cameraId || event.deltaY === 0) return;
        const m = at(event);
        setZoom(index, zoomAt(current(), event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, m.x, m.y));
      },
      onPointerDown: (event: PointerEvent) => {
        if (event.pointerType === 'touch' && cameraId) {
          fingers.current.set(event.pointerId, { clientX: event.clientX, clientY: event.clientY });
          (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
          // A second finger: a pinch, not a drag.
          if (fingers.current.size >= 2) {
            grab.current = undefined;
            return;
          }
        }
        if (current().scale <= 1 || event.button !== 0) return;
        grab.current = at(event);
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      },
      onPointerMove: (event: PointerEvent) => {
        const finger = fingers.current.get(event.pointerId);
        if (finger && fingers.current.size === 2) {
          const [a, b] = [...fingers.current.values()];
          const before = { a: { ...a! }, b: { ...b! } };
          finger.clientX = event.clientX;
          finger.clientY = event.clientY;
          const after = { a: a!, b: b! };
          const distance = (p: typeof before) => Math.hypot(p.a.clientX - p.b.clientX, p.a.clientY - p.b.clientY);
          const middle = (p: typeof before) =>
            at({ clientX: (p.a.clientX + p.b.clientX) / 2, clientY: (p.a.clientY + p.b.clientY) / 2 });
          if (distance(before) > 0)
            setZoom(index, pinchBy(current(), distance(after) / distance(before), middle(before), middle(after)));
          return;
        }
        if (finger) {
          finger.clientX = event.clientX;
          finger.clientY = event.clientY;
        }
        if (!grab.current) return;
        const m = at(event);
        setZoom(index, panBy(current(), grab.current.x, grab.current.y, m.x, m.y));
        grab.current = m;
      },
      onPointerUp: letGo,
      onPointerCancel: letGo,
    },
  };
}
