/**
 * Tours: saved layouts shown in turn, each for its dwell time. Start, pause,
 * resume, next, stop. The running state and step are saved in the core, so
 * a tour that was running resumes after a restart.
 */
import { useEffect, useState } from 'react';
import { Pause, Play, Repeat, SkipForward, Square } from 'lucide-react';
import { useNow } from '../use-now';
import { IconButton } from './ui/IconButton';
import type { Tour } from '../../shared/saved-layouts';
import { useStore, useTranslate } from '../store';

export function TourBar() {
  const t = useTranslate();
  const layouts = useStore((s) => s.layouts);
  const cameras = useStore((s) => s.cameras);
  const selectedTile = useStore((s) => s.selected);
  const tour = useStore((s) => s.tour);
  const { saveTour, tourNext, showTourStep } = useStore.getState();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<'layouts' | 'cameras'>('layouts');
  const [picked, setPicked] = useState<Record<string, number>>({});
  const choices =
    kind === 'layouts'
      ? layouts.map((l) => ({ id: l.id, name: l.name }))
      : cameras.map((c) => ({ id: c.id, name: c.name }));

  // The timer: each step shows for its dwell time, then the next one.
  const step = tour?.running ? tour.steps[tour.index] : undefined;
  // When the step on screen started: a step the effect has not stamped yet started just now (never "0 s left").
  const stepKey = step ? `${tour?.index}:${step.dwellSeconds}` : '';
  const [started, setStarted] = useState({ key: '', at: 0 });
  useEffect(() => {
    if (!step) return;
    setStarted({ key: stepKey, at: Date.now() });
    const timer = setTimeout(() => void tourNext(), step.dwellSeconds * 1000);
    return () => {
      clearTimeout(timer);
      setStarted({ key: '', at: 0 }); // paused, skipped or stopped: the next start is stamped anew
    };
  }, [step, stepKey, tourNext]);
  const now = useNow(1000);
  const stepStartedAt = started.key === stepKey ? started.at : now;
  const secondsLeft = step ? Math.max(0, Math.ceil((stepStartedAt + step.dwellSeconds * 1000 - now) / 1000)) : 0;
  // What the wall shows now, by name: the operator sees where the tour is without counting.
  const shown = tour?.steps[tour.index];
  const shownName = !shown
    ? ''
    : 'layoutId' in shown
      ? (layouts.find((l) => l.id === shown.layoutId)?.name ?? shown.layoutId)
      : (cameras.find((c) => c.id === shown.cameraId)?.name ?? shown.cameraId);

  const start = async () => {
    const dwell = (id: string) => Math.max(3, Math.round(picked[id]!));
    const ids = choices.filter((c) => picked[c.id] !== undefined).map((c) => c.id);
    if (ids.length === 0) return;
    const next: Tour =
      kind === 'layouts'
        ? { steps: ids.map((layoutId) => ({ layoutId, dwellSeconds: dwell(layoutId) })), running: true, index: 0 }
        : {
            steps: ids.map((cameraId) => ({ cameraId, dwellSeconds: dwell(cameraId) })),
            tile: selectedTile ?? 0,
            running: true,
            index: 0,
          };
    setEditing(false);
    showTourStep(next, 0);
    await saveTour(next);
  };

  if (editing) {
    return (
      <div className="tour-bar tour-editor" data-control="tour-editor">
        <select
          data-control="tour-kind"
          value={kind}
          onChange={(e) => (setKind(e.target.value as 'layouts' | 'cameras'), setPicked({}))}
        >
          <option value="layouts">{t('tour.ofLayouts')}</option>
          <option value="cameras">{t('tour.ofCameras', { tile: (selectedTile ?? 0) + 1 })}</option>
        </select>
        {kind === 'layouts' && layouts.length === 0 ? (
          <span className="empty-state" data-control="tour-empty">
            {t('tour.needLayouts')}
          </span>
        ) : Object.keys(picked).length === 0 ? (
          <span className="muted" data-control="tour-how">
            {t('tour.howTo')}
          </span>
        ) : null}
        {choices.map((l) => (
          <label key={l.id} className="tour-step">
            <input
              type="checkbox"
              data-tour-layout={l.id}
              checked={picked[l.id] !== undefined}
              onChange={(e) =>
                setPicked((p) => {
                  const next = { ...p };
                  if (e.target.checked) next[l.id] = 10;
                  else delete next[l.id];
                  return next;
                })
              }
            />
            {l.name}
            {picked[l.id] !== undefined ? (
              <input
                type="number"
                min={3}
                max={3600}
                data-tour-dwell={l.id}
                value={picked[l.id]}
                onChange={(e) => setPicked((p) => ({ ...p, [l.id]: Number(e.target.value) }))}
                aria-label={t('tour.dwell')}
              />
            ) : null}
          </label>
        ))}
        <button type="button" data-action="tour-start" onClick={() => void start()}>
          {t('tour.start')}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t('layout.cancel')}
        </button>
      </div>
    );
  }
  if (!tour) {
    return (
      <IconButton
        icon={Repeat}
        label={t('tour.title')}
        className="tour-bar"
        data-action="tour-edit"
        onClick={() => setEditing(true)}
      />
    );
  }
  return (
    <div className="tour-bar" data-tour-state={tour.running ? 'running' : 'paused'} data-tour-index={tour.index}>
      <span className="tour-status" data-control="tour-status" role="status">
        {t('tour.step', { step: tour.index + 1, count: tour.steps.length })} · <strong>{shownName}</strong> ·{' '}
        {tour.running ? t('tour.nextIn', { seconds: secondsLeft }) : t('tour.paused')}
      </span>
      {tour.running ? (
        <IconButton
          icon={Pause}
          label={t('tour.pause')}
          data-action="tour-pause"
          onClick={() => void saveTour({ ...tour, running: false })}
        />
      ) : (
        <IconButton
          icon={Play}
          label={t('tour.resume')}
          data-action="tour-resume"
          onClick={() => void saveTour({ ...tour, running: true })}
        />
      )}
      <IconButton icon={SkipForward} label={t('tour.next')} data-action="tour-next" onClick={() => void tourNext()} />
      <IconButton icon={Square} label={t('tour.stop')} data-action="tour-stop" onClick={() => void saveTour(null)} />
    </div>
  );
}
