/**
 * What a tile says over its picture: the camera's name, its state in words,
 * and — when it is in trouble — why, how old the last picture is and when the
 * next attempt comes. Buttons for PTZ, snapshot and clearing the tile.
 */
import { useMay } from '../access/use-may';
import { Circle, History, Leaf, Pin, Square } from 'lucide-react';
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import type { CameraSummary } from '../../shared/model';
import type { TileState } from '../../shared/tile-state';
import { formatCountdown, formatDuration } from '../format';
import { usePtzStore } from '../ptz/ptz-store';
import { errorWords } from '../error-words';
import { StateIcon } from './StateIcon';
import type { PantauError } from '../../shared/errors';
import { useStore, useTranslate } from '../store';
import { PtzPad } from './PtzPad';

interface TileOverlayProps {
  index: number;
  cameraId: string;
  camera: CameraSummary | undefined;
  state: TileState;
  error: PantauError | undefined;
  retryAt: number | undefined;
  lastPaintAt: number | undefined;
  now: number;
  showPad: boolean;
  /** Key pictures only, past the machine's capacity or by the layout's choice (issue #23). */
  economy: boolean;
}

/** A button over the picture: its click is the button's, never the tile's (select, maximise). */
function TileButton({
  className = '',
  action,
  pressed,
  label,
  onPress,
  children,
}: {
  className?: string;
  action?: string;
  pressed?: boolean;
  label: string;
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`tile-clear ${className}`.trim()}
      data-action={action}
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        onPress();
      }}
    >
      {children}
    </button>
  );
}

/** 1 fps, 0.3 fps: one decimal below 10, where economy rates live. */
const formatRate = (fps: number, language: string) =>
  (fps >= 10 ? Math.round(fps) : Math.round(fps * 10) / 10).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');

export function TileOverlay({
  index,
  cameraId,
  camera,
  state,
  error,
  retryAt,
  lastPaintAt,
  now,
  showPad,
  economy,
}: TileOverlayProps) {
  const t = useTranslate();
  const { assignTile, select, snapshot, togglePin } = useStore.getState();
  const pinned = useStore((s) => s.pinned.includes(index));
  // The rate this tile painted over the last measurement: what economy holds, not what it should.
  const heldFps = useStore((s) => (economy ? s.tileRates[index] : undefined));
  const language = useStore((s) => s.language);
  const recording = useStore((s) => s.recordings.find((r) => r.cameraId === cameraId));
  const clipBusy = useStore((s) => s.clipBusy.includes(cameraId));
  const preBufferSec = useStore((s) => s.preBufferSec);
  const { saveClip, toggleRecording } = useStore.getState();
  // Evidence is of real cameras only: a demo's test picture proves nothing.
  const may = useMay();
  const evidence = camera !== undefined && !camera.demo && may('evidence');
  const missing = state === 'missing';
  // A damaged picture is still the freshest picture there is: the age line is for frozen ones.
  const painting = state === 'live' || state === 'degraded';
  const troubled = state !== 'live' && state !== 'connecting' && state !== 'empty';
  const errorText = error ? errorWords(t, error.code) : t('error.generic');
  const retryIn = retryAt && retryAt > now && state !== 'stalled' ? retryAt - now : undefined;
  return (
    <div className="tile-overlay">
      <span className="tile-name">{camera?.name ?? cameraId}</span>
      <span className={`tile-state tile-state-${state}`} role="status">
        <StateIcon state={state} />
        {t(`state.${state}`)}
      </span>
      {recording ? (
        <span className="tile-rec" role="status" data-recording>
          <Circle className="state-icon" aria-hidden="true" focusable="false" size="0.8em" fill="currentColor" />
          {t('clip.recording', { time: formatCountdown(now - recording.startedAt) })}
        </span>
      ) : null}
      {economy ? (
        <span className="tile-economy" data-economy title={t('tile.economyWhy')}>
          <Leaf className="state-icon" aria-hidden="true" focusable="false" size="1em" strokeWidth={2.5} />
          {heldFps === undefined ? t('tile.economy') : t('tile.economyRate', { fps: formatRate(heldFps, language) })}
        </span>
      ) : null}
      {camera?.ptz && may('ptz') ? (
        <TileButton
          className="tile-ptz"
          action="ptz-toggle"
          pressed={showPad}
          label={t('ptz.toggle')}
          onPress={() => {
            select(index);
            usePtzStore.getState().toggleMode(!showPad);
          }}
        >
          {t('ptz.short')}
        </TileButton>
      ) : null}
      <TileButton
        className="tile-pin"
        action="pin"
        pressed={pinned}
        label={t('tile.pin')}
        onPress={() => togglePin(index)}
      >
        <Pin aria-hidden="true" focusable="false" size={14} />
      </TileButton>
      <TileButton
        className="tile-snapshot"
        action="snapshot"
        label={t('tile.snapshot')}
        onPress={() => void snapshot(cameraId)}
      >
        <Icon name="snapshot" />
      </TileButton>
      {evidence && preBufferSec > 0 ? (
        <TileButton
          className="tile-save-clip"
          action="save-clip"
          label={t('clip.saveLast', { seconds: preBufferSec })}
          onPress={() => void (clipBusy || saveClip(cameraId))}
        >
          <History aria-hidden="true" focusable="false" size={14} />
        </TileButton>
      ) : null}
      {evidence ? (
        <TileButton
          className={`tile-record${recording ? ' tile-recording' : ''}`}
          action="record"
          pressed={recording !== undefined}
          label={recording ? t('clip.stop') : t('clip.record')}
          onPress={() => void (clipBusy || toggleRecording(cameraId))}
        >
          {recording ? (
            <Square aria-hidden="true" focusable="false" size={12} fill="currentColor" />
          ) : (
            <Circle aria-hidden="true" focusable="false" size={12} fill="currentColor" />
          )}
        </TileButton>
      ) : null}
      <TileButton label={t('tile.clear')} onPress={() => assignTile(index, null)}>
        <Icon name="clear" />
      </TileButton>
      {showPad ? <PtzPad cameraId={cameraId} /> : null}
      {missing ? (
        <div className="tile-trouble">
          <span className="tile-error">{t('error.camera-not-found')}</span>
        </div>
      ) : null}
      {troubled && !missing ? (
        <div className="tile-trouble">
          {error && state !== 'stalled' ? (
            <span className="tile-error" title={error.message}>
              {errorText}
            </span>
          ) : null}
          {lastPaintAt !== undefined && !painting ? (
            <span className="tile-age">{t('tile.lastFrame', { age: formatDuration(t, now - lastPaintAt) })}</span>
          ) : null}
          {retryIn !== undefined ? (
            <span className="tile-retry">{t('tile.retryIn', { time: formatCountdown(retryIn) })}</span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
