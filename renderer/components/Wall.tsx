import { templateOf } from '../../shared/layouts';
import { useStore } from '../store';
import { Tile } from './Tile';
import { TileBoundary } from './TileBoundary';

export function Wall() {
  const geometry = useStore((s) => s.geometry);
  const tiles = useStore((s) => s.tiles);
  const maximized = useStore((s) => s.maximized);
  return (
    <main
      className="wall"
      data-layout={templateOf(geometry) ?? 'custom'}
      // CSSOM styles (not a style attribute): allowed by the CSP.
      style={{
        gridTemplateColumns: `repeat(${geometry.cols}, 1fr)`,
        gridTemplateRows: `repeat(${geometry.rows}, 1fr)`,
      }}
    >
      {geometry.tiles.map((rect, index) => {
        const place = {
          index,
          cameraId: tiles[index] ?? null,
          rect,
          maximized: maximized === index,
          hidden: maximized !== null && maximized !== index,
        };
        return (
          // Keyed by position and camera: a camera that stays in its tile keeps its player.
          <TileBoundary key={`${index}:${place.cameraId ?? ''}`} {...place}>
            <Tile {...place} />
          </TileBoundary>
        );
      })}
    </main>
  );
}
