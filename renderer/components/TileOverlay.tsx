/**
 * What a tile says over its picture: the camera's name, its state in words,
 * and — when it is in trouble — why, how old the last picture is and when the
 * next attempt comes. Buttons for PTZ, snapshot and clearing the tile.
 */
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
}

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
}: TileOverlayProps) {
  const t = useTranslate();
  const { assignTile, select, snapshot } = useStore.getState();
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
      {camera?.ptz ? (
        <button
          type="button"
          className="tile-clear tile-ptz"
          data-action="ptz-toggle"
          aria-pressed={showPad}
          aria-label={t('ptz.toggle')}
          title={t('ptz.toggle')}
          onClick={(e) => {
            e.stopPropagation();
            select(index);
            usePtzStore.getState().toggleMode(!showPad);
          }}
        >
          {t('ptz.short')}
        </button>
      ) : null}
      <button
        type="button"
        className="tile-clear tile-snapshot"
        data-action="snapshot"
        aria-label={t('tile.snapshot')}
        title={t('tile.snapshot')}
        onClick={(e) => (e.stopPropagation(), void snapshot(cameraId))}
      >
        <Icon name="snapshot" />
      </button>
      <button
        type="button"
        className="tile-clear"
        aria-label={t('tile.clear')}
        title={t('tile.clear')}
        onClick={(e) => (e.stopPropagation(), assignTile(index, null))}
      >
        <Icon name="clear" />
      </button>
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
