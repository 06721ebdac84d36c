/**
 * The walls of this window as tabs: a window standing in for displays that
 * are missing (the laptop) shows their walls here, never loses them. A wall
 * window without the controls shows its number, so the operator knows which
 * monitor is which.
 */
import { useStore, useTranslate } from '../store';

export function WallTabs() {
  const t = useTranslate();
  const walls = useStore((s) => s.walls);
  const wall = useStore((s) => s.wall);
  const control = useStore((s) => s.control);
  const showWall = useStore((s) => s.showWall);
  if (walls.length < 2 && control) return null;
  return (
    <div className="wall-tabs" role="tablist" aria-label={t('walls.title')}>
      {walls.map((w) => (
        <button key={w} type="button" role="tab" data-wall={w} aria-selected={w === wall} onClick={() => showWall(w)}>
          {t('walls.wall', { n: w })}
        </button>
      ))}
      {control ? null : (
        <button
          type="button"
          data-action="fullscreen"
          className="wall-tabs-fullscreen"
          onClick={() => void document.querySelector('.wall')?.requestFullscreen()}
        >
          {t('layout.fullscreen')}
        </button>
      )}
    </div>
  );
}
