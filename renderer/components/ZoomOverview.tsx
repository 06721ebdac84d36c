/** Where a zoomed tile's view is in the whole picture, and by how much: a small map in its corner. */
import { visiblePart, type Zoom } from '../../shared/zoom';
import { useTranslate } from '../store';

export function ZoomOverview({ zoom }: { zoom: Zoom }) {
  const t = useTranslate();
  const part = visiblePart(zoom);
  return (
    <div className="tile-zoom" aria-label={t('tile.zoom', { scale: zoom.scale.toFixed(1) })}>
      <div className="tile-zoom-map">
        <div
          className="tile-zoom-view"
          // CSSOM styles (not a style attribute): allowed by the CSP.
          style={{
            left: `${part.left * 100}%`,
            top: `${part.top * 100}%`,
            width: `${part.width * 100}%`,
            height: `${part.height * 100}%`,
          }}
        />
      </div>
      <span className="tile-zoom-scale">{zoom.scale.toFixed(1)}×</span>
    </div>
  );
}
