/**
 * Digital zoom on a tile's picture: the wheel zooms about the pointer, a drag
 * moves the zoomed picture, and the zoom is dropped when the tile's camera
 * changes. The picture is the decoded one, scaled on the page: with the
 * native path that is the camera's own resolution.
 */
import { useEffect, useRef, type PointerEvent, type RefObject, type WheelEvent } from 'react';
import { noZoom, panBy, zoomAt, type Zoom } from '../../shared/zoom';
import { useZoomStore } from './zoom-store';

const WHEEL_STEP = 1.25;

export function useTileZoom(index: number, cameraId: string | null, tileRef: RefObject<HTMLDivElement | null>) {
  const zoom = useZoomStore((s) => s.zooms[index] ?? noZoom);
  const { setZoom, reset } = useZoomStore.getState();
  const grab = useRef<{ x: number; y: number } | undefined>(undefined);

  useEffect(() => () => reset(index), [cameraId, index, reset]);

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
        if (current().scale <= 1 || event.button !== 0) return;
        grab.current = at(event);
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      },
      onPointerMove: (event: PointerEvent) => {
        if (!grab.current) return;
        const m = at(event);
        setZoom(index, panBy(current(), grab.current.x, grab.current.y, m.x, m.y));
        grab.current = m;
      },
      onPointerUp: () => (grab.current = undefined),
    },
  };
}
