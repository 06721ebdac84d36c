/**
 * The cameras, to drag onto a tile (or Enter/click to put in the selected
 * tile). The full directory with tree and search comes with its own issue.
 */
import { useState, type DragEvent } from 'react';
import { matchesQuery } from '../../shared/search';
import { useStore, useTranslate } from '../store';
import { DRAG_CAMERA } from './Tile';

export function CameraList() {
  const t = useTranslate();
  const cameras = useStore((s) => s.cameras);
  const selected = useStore((s) => s.selected);
  const assignTile = useStore((s) => s.assignTile);
  const [query, setQuery] = useState('');
  const shown = cameras.filter((c) => matchesQuery(query, c.name, c.group, c.id));
  const put = (id: string) => {
    if (selected !== null) assignTile(selected, id);
  };
  return (
    <nav className="camera-list" aria-label={t('cameras.title')}>
      <h2>{t('cameras.title')}</h2>
      <input
        type="search"
        className="camera-search"
        data-control="camera-search"
        placeholder={t('cameras.search')}
        aria-label={t('cameras.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) put(shown[0].id);
          if (e.key === 'Escape') (e.currentTarget as HTMLInputElement).blur();
        }}
      />
      <ul>
        {shown.map((camera) => (
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
