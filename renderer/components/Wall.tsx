import { useStore } from '../store';
import { Tile } from './Tile';

export function Wall() {
  const grid = useStore((s) => s.grid);
  const tiles = useStore((s) => s.tiles);
  return (
    <main className="wall" data-grid={grid}>
      {tiles.map((cameraId, index) => (
        // Keyed by position and camera: a camera that stays in its tile keeps its player.
        <Tile key={`${index}:${cameraId ?? ''}`} index={index} cameraId={cameraId} />
      ))}
    </main>
  );
}
