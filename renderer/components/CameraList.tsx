/**
 * The cameras, to drag onto a tile (or Enter/click to put in the selected
 * tile). The full directory with tree and search comes with its own issue.
 */
import type { DragEvent } from 'react';
import { useStore, useTranslate } from '../store';
import { DRAG_CAMERA } from './Tile';

export function CameraList() {
  const t = useTranslate();
  const cameras = useStore((s) => s.cameras);
  const selected = useStore((s) => s.selected);
  const assignTile = useStore((s) => s.assignTile);
  const put = (id: string) => {
    if (selected !== null) assignTile(selected, id);
  };
  return (
    <nav className="camera-list" aria-label={t('cameras.title')}>
      <h2>{t('cameras.title')}</h2>
      <ul>
        {cameras.map((camera) => (
          <li key={camera.id}>
            <button
              type="button"
              draggable
              data-camera={camera.id}
              title={camera.group ?? camera.name}
              onDragStart={(event: DragEvent) => {
                event.dataTransfer.setData(DRAG_CAMERA, camera.id);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => put(camera.id)}
            >
              {camera.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
