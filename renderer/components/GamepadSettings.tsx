/** Which gamepad axis and buttons do what: remembered on this machine. */
import { useState } from 'react';
import type { MessageKey } from '../i18n';
import { defaultGamepadMapping, type GamepadMapping } from '../ptz/driver';
import { usePtzStore } from '../ptz/ptz-store';
import { useTranslate } from '../store';
import { Dialog } from './Dialog';

const optionalIndex = (text: string) =>
  text.trim() === '' ? null : Math.max(0, Math.min(31, Math.round(Number(text)) || 0));

export function GamepadSettings({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const mapping = usePtzStore((s) => s.mapping);
  const setMapping = usePtzStore((s) => s.setMapping);
  const [draft, setDraft] = useState<GamepadMapping>(mapping);
  const indexField = (
    key: 'panAxis' | 'tiltAxis' | 'zoomAxis' | 'zoomInButton' | 'zoomOutButton',
    label: MessageKey,
  ) => (
    <label>
      {t(label)}
      <input
        type="number"
        min={0}
        max={31}
        data-control={`gamepad-${key}`}
        value={draft[key] ?? ''}
        onChange={(e) =>
          setDraft({
            ...draft,
            [key]:
              key === 'panAxis' || key === 'tiltAxis'
                ? (optionalIndex(e.target.value) ?? 0)
                : optionalIndex(e.target.value),
          })
        }
      />
    </label>
  );
  return (
    <Dialog label={t('ptz.gamepad')} onClose={onClose}>
      <form
        noValidate
        className="editor nvr-form"
        onSubmit={(e) => {
          e.preventDefault();
          setMapping(draft);
          onClose();
        }}
      >
        <h2>{t('ptz.gamepad')}</h2>
        <p className="muted">{t('gamepad.help')}</p>
        {indexField('panAxis', 'gamepad.panAxis')}
        {indexField('tiltAxis', 'gamepad.tiltAxis')}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.invertTilt}
            onChange={(e) => setDraft({ ...draft, invertTilt: e.target.checked })}
          />
          {t('gamepad.invertTilt')}
        </label>
        {indexField('zoomAxis', 'gamepad.zoomAxis')}
        {indexField('zoomInButton', 'gamepad.zoomIn')}
        {indexField('zoomOutButton', 'gamepad.zoomOut')}
        <label>
          {t('gamepad.presetButtons')}
          <input
            data-control="gamepad-presets"
            value={draft.presetButtons.join(', ')}
            onChange={(e) =>
              setDraft({
                ...draft,
                presetButtons: e.target.value
                  .split(/[,\s]+/)
                  .filter(Boolean)
                  .map((v) => optionalIndex(v) ?? 0),
              })
            }
          />
        </label>
        <label>
          {t('gamepad.deadZone')}
          <input
            type="number"
            min={0}
            max={0.9}
            step={0.05}
            value={draft.deadZone}
            onChange={(e) => setDraft({ ...draft, deadZone: Math.max(0, Math.min(0.9, Number(e.target.value) || 0)) })}
          />
        </label>
        <div className="editor-controls">
          <button type="submit">{t('layout.save')}</button>
          <button type="button" onClick={() => setDraft(defaultGamepadMapping)}>
            {t('gamepad.reset')}
          </button>
          <button type="button" onClick={onClose}>
            {t('layout.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
