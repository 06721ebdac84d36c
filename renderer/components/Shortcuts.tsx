/** Keyboard handling for the whole wall, and the ? overlay that lists it. */
import { useEffect, useState } from 'react';
import { neighbour } from '../../shared/layouts';
import type { MessageKey } from '../i18n';
import { arrowDirections, isActivating, isTyping } from '../keyboard';
import { useStore, useTranslate } from '../store';
import { useZoomStore } from '../tile/zoom-store';

const shortcuts: [string, MessageKey][] = [
  ['1 … 9', 'keys.selectTile'],
  ['← ↑ → ↓', 'keys.move'],
  ['Enter', 'keys.maximize'],
  ['Esc', 'keys.restore'],
  ['Delete', 'keys.clear'],
  ['Ctrl + 1 … 9', 'keys.layout'],
  ['Ctrl + + / − / 0', 'keys.zoom'],
  ['/', 'keys.search'],
  ['?', 'keys.help'],
  ['F11', 'keys.fullscreen'],
  ['W', 'keys.wallOnly'],
  ['B', 'keys.saveClip'],
  ['R', 'keys.record'],
  ['P', 'keys.ptzMode'],
  ['Shift + ← ↑ → ↓', 'keys.ptzMove'],
  ['+ / −', 'keys.ptzZoom'],
  ['Alt + 1 … 9', 'keys.ptzPreset'],
];

function focusTile(index: number): void {
  document.querySelector<HTMLElement>(`.wall .tile[data-tile-index="${index}"]`)?.focus();
}

export function Shortcuts() {
  const t = useTranslate();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || isActivating(event) || event.altKey || event.metaKey) return;
      const s = useStore.getState();
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      const selectedCamera = s.selected === null ? undefined : (s.tiles[s.selected] ?? undefined);
      if (event.ctrlKey && ['+', '=', '-', '0'].includes(event.key)) {
        // Digital zoom of the selected tile (the browser's own page zoom is not wanted on a wall).
        if (s.selected === null) return;
        const zoom = useZoomStore.getState();
        if (event.key === '0') zoom.reset(s.selected);
        else zoom.step(s.selected, event.key === '-' ? 0.8 : 1.25);
      } else if (event.ctrlKey) {
        const layout = digit ? s.layouts[Number(digit) - 1] : undefined;
        if (!layout) return;
        s.openLayout(layout.id);
      } else if (digit && Number(digit) <= s.geometry.tiles.length) {
        s.select(Number(digit) - 1);
        focusTile(Number(digit) - 1);
      } else if (arrowDirections[event.key]) {
        const next = neighbour(s.geometry, s.selected ?? 0, arrowDirections[event.key]!);
        s.select(next);
        focusTile(next);
      } else if (event.key === 'Enter' && s.selected !== null) {
        s.toggleMaximize(s.selected);
      } else if (event.key === 'Escape') {
        setOpen(false);
        s.restore();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && s.selected !== null) {
        s.assignTile(s.selected, null);
      } else if (event.key === '/') {
        document.querySelector<HTMLInputElement>('[data-control="camera-search"]')?.focus();
      } else if (event.key === '?') {
        setOpen((o) => !o);
      } else if ((event.key === 'w' || event.key === 'W') && s.control) {
        s.setWallOnly(!s.wallOnly);
      } else if ((event.key === 'b' || event.key === 'B') && selectedCamera) {
        void s.saveClip(selectedCamera);
      } else if ((event.key === 'r' || event.key === 'R') && selectedCamera) {
        void s.toggleRecording(selectedCamera);
      } else if (event.key === 'F11') {
        // This window's wall full screen on its own display (each wall window separately).
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.querySelector('.wall')?.requestFullscreen();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!open) return null;
  return (
    <div
      className="editor-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={t('keys.title')}
      data-control="shortcuts"
      onClick={() => setOpen(false)}
    >
      <div className="editor shortcuts">
        <h2>{t('keys.title')}</h2>
        <table>
          <tbody>
            {shortcuts.map(([keys, label]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
