/**
 * The PTZ pad on the selected tile: press and hold in the circle to pan and
 * tilt (faster further from the centre), hold + / − to zoom, home, and the
 * camera's presets. Letting go anywhere, leaving the window or losing focus
 * stops the camera. The line under the pad says only what the camera
 * confirmed.
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { MessageKey } from '../i18n';
import { padVelocity } from '../ptz/driver';
import { outsideWindow, ptzDriver, usePtzStore } from '../ptz/ptz-store';
import { useTranslate } from '../store';
import { GamepadSettings } from './GamepadSettings';

export function PtzPad({ cameraId }: { cameraId: string }) {
  const t = useTranslate();
  const padRef = useRef<HTMLDivElement>(null);
  const status = usePtzStore((s) => s.states[cameraId]);
  const presets = usePtzStore((s) => s.presets[cameraId]);
  const { loadPresets, gotoPreset, savePreset, removePreset, home } = usePtzStore.getState();
  const [preset, setPreset] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [settings, setSettings] = useState(false);

  useEffect(() => {
    void loadPresets(cameraId);
    return () => ptzDriver.release(cameraId, 'pad');
  }, [cameraId, loadPresets]);
  useEffect(() => {
    if (presets?.length && !presets.some((p) => p.token === preset)) setPreset(presets[0]!.token);
  }, [presets, preset]);

  const steer = (event: PointerEvent | ReactPointerEvent) => {
    const box = padRef.current?.getBoundingClientRect();
    if (!box) return;
    ptzDriver.hold(
      cameraId,
      'pad',
      padVelocity((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height),
    );
  };
  const startSteering = (event: ReactPointerEvent) => {
    event.preventDefault();
    event.stopPropagation();
    steer(event);
    const move = (e: PointerEvent) =>
      ptzDriver.isHeld(cameraId) && !outsideWindow(e) ? steer(e) : window.removeEventListener('pointermove', move);
    window.addEventListener('pointermove', move);
  };
  const zoom = (direction: 1 | -1) => ({
    onPointerDown: (event: ReactPointerEvent) => {
      event.preventDefault();
      event.stopPropagation();
      ptzDriver.hold(cameraId, 'pad', { pan: 0, tilt: 0, zoom: direction * 0.5 });
    },
  });
  const state = status?.state ?? 'still';

  return (
    <div
      className="ptz-pad"
      data-control="ptz"
      data-ptz-state={state}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <div
        ref={padRef}
        className="ptz-circle"
        data-control="ptz-pad"
        role="application"
        aria-label={t('ptz.pad')}
        title={t('ptz.pad')}
        onPointerDown={startSteering}
      >
        <span className="ptz-dot" />
      </div>
      <div className="ptz-buttons">
        <button
          type="button"
          data-action="ptz-zoom-in"
          aria-label={t('ptz.zoomIn')}
          title={t('ptz.zoomIn')}
          {...zoom(1)}
        >
          +
        </button>
        <button
          type="button"
          data-action="ptz-zoom-out"
          aria-label={t('ptz.zoomOut')}
          title={t('ptz.zoomOut')}
          {...zoom(-1)}
        >
          −
        </button>
        <button
          type="button"
          data-action="ptz-home"
          aria-label={t('ptz.home')}
          title={t('ptz.home')}
          onClick={() => void home(cameraId)}
        >
          ⌂
        </button>
        <button
          type="button"
          data-action="ptz-gamepad"
          aria-label={t('ptz.gamepad')}
          title={t('ptz.gamepad')}
          onClick={() => setSettings(true)}
        >
          ⚙
        </button>
      </div>
      <div className="ptz-presets">
        <select
          data-control="ptz-preset"
          aria-label={t('ptz.presets')}
          value={preset}
          onChange={(e) => setPreset(e.target.value)}
        >
          {(presets ?? []).map((p, i) => (
            <option key={p.token} value={p.token}>
              {`${i + 1}. ${p.name}`}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-action="ptz-goto"
          disabled={!preset}
          onClick={() => void gotoPreset(cameraId, preset)}
        >
          {t('ptz.goto')}
        </button>
        <button
          type="button"
          data-action="ptz-forget"
          disabled={!preset}
          aria-label={t('ptz.forget')}
          title={t('ptz.forget')}
          onClick={() => void removePreset(cameraId, preset)}
        >
          ✕
        </button>
        {naming === null ? (
          <button type="button" data-action="ptz-save" onClick={() => setNaming('')}>
            {t('ptz.save')}
          </button>
        ) : (
          <form
            noValidate
            className="ptz-name"
            onSubmit={(e) => {
              e.preventDefault();
              if (naming.trim()) void savePreset(cameraId, naming.trim());
              setNaming(null);
            }}
          >
            <input
              data-control="ptz-preset-name"
              autoFocus
              maxLength={64}
              placeholder={t('ptz.presetName')}
              value={naming}
              onChange={(e) => setNaming(e.target.value)}
            />
            <button type="submit" data-action="ptz-save-confirm">
              {t('layout.save')}
            </button>
          </form>
        )}
      </div>
      <p className={`ptz-status ptz-status-${state}`} role="status" data-control="ptz-status">
        {t(`ptz.state.${state}` as MessageKey)}
        {status?.error ? ` — ${status.error}` : ''}
      </p>
      {settings ? <GamepadSettings onClose={() => setSettings(false)} /> : null}
    </div>
  );
}
