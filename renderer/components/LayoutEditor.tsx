/**
 * The custom layout editor: pick a grid size, select tiles, merge them into
 * one (their bounding rectangle) or split them back into cells, apply.
 */
import { useState } from 'react';
import { geometryProblem, mergeArea, MAX_GRID, rectGrid, splitTile, type LayoutGeometry } from '../../shared/layouts';
import { useStore, useTranslate } from '../store';
import { Dialog } from './Dialog';

export function LayoutEditor({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const current = useStore((s) => s.geometry);
  const setGeometry = useStore((s) => s.setGeometry);
  const [draft, setDraft] = useState<LayoutGeometry>(current);
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string>();

  const resize = (cols: number, rows: number) => {
    setDraft(rectGrid(Math.min(MAX_GRID, Math.max(1, cols)), Math.min(MAX_GRID, Math.max(1, rows))));
    setSelected([]);
  };
  const merge = () => {
    const picked = selected.map((i) => draft.tiles[i]!);
    if (picked.length < 2) return;
    const x = Math.min(...picked.map((r) => r.x));
    const y = Math.min(...picked.map((r) => r.y));
    const area = {
      x,
      y,
      w: Math.max(...picked.map((r) => r.x + r.w)) - x,
      h: Math.max(...picked.map((r) => r.y + r.h)) - y,
    };
    const merged = mergeArea(draft, area);
    if (typeof merged === 'string') return setError(t('editor.cannotMerge'));
    setDraft(merged);
    setSelected([]);
    setError(undefined);
  };
  const split = () => {
    // Split from the last index down so earlier indexes stay valid.
    let next = draft;
    for (const i of [...selected].sort((a, b) => b - a)) next = splitTile(next, i);
    setDraft(next);
    setSelected([]);
  };

  return (
    <Dialog label={t('editor.title')} onClose={onClose}>
      <div className="editor">
        <h2>{t('editor.title')}</h2>
        <div className="editor-controls">
          <label>
            {t('editor.cols')}
            <input
              type="number"
              min={1}
              max={MAX_GRID}
              value={draft.cols}
              data-control="editor-cols"
              onChange={(e) => resize(Number(e.target.value), draft.rows)}
            />
          </label>
          <label>
            {t('editor.rows')}
            <input
              type="number"
              min={1}
              max={MAX_GRID}
              value={draft.rows}
              data-control="editor-rows"
              onChange={(e) => resize(draft.cols, Number(e.target.value))}
            />
          </label>
          <button type="button" data-action="editor-merge" disabled={selected.length < 2} onClick={merge}>
            {t('editor.merge')}
          </button>
          <button type="button" data-action="editor-split" disabled={selected.length === 0} onClick={split}>
            {t('editor.split')}
          </button>
        </div>
        <div
          className="editor-grid"
          style={{ gridTemplateColumns: `repeat(${draft.cols}, 1fr)`, gridTemplateRows: `repeat(${draft.rows}, 1fr)` }}
        >
          {draft.tiles.map((r, i) => (
            <button
              key={`${r.x},${r.y},${r.w},${r.h}`}
              type="button"
              data-editor-tile={i}
              aria-pressed={selected.includes(i)}
              style={{ gridColumn: `${r.x + 1} / span ${r.w}`, gridRow: `${r.y + 1} / span ${r.h}` }}
              onClick={() => setSelected((s) => (s.includes(i) ? s.filter((x) => x !== i) : [...s, i]))}
            >
              {i + 1}
            </button>
          ))}
        </div>
        {error ? (
          <p className="editor-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="editor-controls">
          <button
            type="button"
            data-action="editor-apply"
            disabled={geometryProblem(draft) !== null}
            onClick={() => (setGeometry(draft), onClose())}
          >
            {t('editor.apply')}
          </button>
          <button type="button" onClick={onClose}>
            {t('layout.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
