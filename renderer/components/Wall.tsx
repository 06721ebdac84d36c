import { templateOf } from '../../shared/layouts';
import { useStore } from '../store';
import { Tile } from './Tile';

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
        const cameraId = tiles[index] ?? null;
        return (
          // Keyed by position and camera: a camera that stays in its tile keeps its player.
          <Tile
            key={`${index}:${cameraId ?? ''}`}
            index={index}
            cameraId={cameraId}
            rect={rect}
            maximized={maximized === index}
            hidden={maximized !== null && maximized !== index}
          />
        );
      })}
    </main>
  );
}
