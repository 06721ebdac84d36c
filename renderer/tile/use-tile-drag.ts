/** Drag and drop on a tile: a camera from the list onto it, or a tile onto another (swap). */
import type { DragEvent } from 'react';
import { useStore } from '../store';

/** Drag payloads: a camera from the list, or a tile being moved onto another. */
export const DRAG_CAMERA = 'application/x-pantau-camera';
const DRAG_TILE = 'application/x-pantau-tile';

export function useTileDrag(index: number, cameraId: string | null) {
  const { assignTile, swapTiles } = useStore.getState();
  return {
    onDragStart: (event: DragEvent) => {
      if (!cameraId) return;
      event.dataTransfer.setData(DRAG_TILE, String(index));
      event.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (event: DragEvent) => {
      const types = event.dataTransfer.types;
      if (types.includes(DRAG_CAMERA) || types.includes(DRAG_TILE)) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const dropped = event.dataTransfer.getData(DRAG_CAMERA);
      const from = event.dataTransfer.getData(DRAG_TILE);
      if (dropped) assignTile(index, dropped);
      else if (from !== '') swapTiles(Number(from), index);
    },
  };
}
