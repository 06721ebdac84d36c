/**
 * One place for what lived in flags and corners: the UI's language, the
 * tile text size (read from two metres), the picture path, and where
 * evidence goes. Each takes effect at once and is remembered on this machine.
 */
import { useMay } from '../access/use-may';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DecoderChoice } from '../player/decoder-choice';
import { useStore, useTranslate } from '../store';
import type { TileText } from '../store/state';
import { AccessLinksDialog } from '../access/AccessLinksDialog';
import { Dialog } from './Dialog';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  // Only what the dialog shows: the whole store changes with every stream status.
  const s = useStore(
    useShallow((state) => ({
      api: state.api,
      language: state.language,
      setLanguage: state.setLanguage,
      tileText: state.tileText,
      setTileText: state.setTileText,
      decoder: state.decoder,
      setDecoder: state.setDecoder,
      host: state.info?.host,
    })),
  );
  const [links, setLinks] = useState(false);
  // This machine's folder and its access links are the machine's own link's (not an agency's page).
  const local = useMay()('local');
  const [folder, setFolder] = useState<{ folder: string; canChoose: boolean }>();
  useEffect(() => {
    if (local) void s.api?.invoke('snapshot:folder', {}).then((got) => got.ok && setFolder(got.value));
  }, [s.api, local]);
  const choose = async () => {
    const chosen = await s.api?.invoke('snapshot:choose', {});
    if (chosen?.ok && chosen.value.chosen) setFolder({ folder: chosen.value.folder, canChoose: true });
  };

  if (links) return <AccessLinksDialog onClose={() => setLinks(false)} />;
  return (
    <Dialog label={t('settings.title')} onClose={onClose} control="settings">
      <form className="editor nvr-form" noValidate onSubmit={(e) => (e.preventDefault(), onClose())}>
        <h2>{t('settings.title')}</h2>
        <label>
          {t('toolbar.language')}
          <select
            data-control="settings-language"
            value={s.language}
            onChange={(e) => s.setLanguage(e.target.value as 'id' | 'en')}
          >
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('settings.tileText')}
          <select
            data-control="settings-tile-text"
            value={s.tileText}
            onChange={(e) => s.setTileText(e.target.value as TileText)}
          >
            {(['small', 'normal', 'large'] as const).map((size) => (
              <option key={size} value={size}>
                {t(`settings.tileText.${size}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.decoder')}
          <select
            data-control="settings-decoder"
            value={s.decoder}
            onChange={(e) => s.setDecoder(e.target.value as DecoderChoice)}
          >
            {(['auto', 'native', 'mpeg1'] as const).map((choice) => (
              <option key={choice} value={choice}>
                {t(`settings.decoder.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        {local ? (
          <div className="settings-folder">
            <span>{t('evidence.folder')}</span> <code data-control="settings-folder">{folder?.folder ?? '…'}</code>
            {folder?.canChoose ? (
              <button type="button" onClick={() => void choose()}>
                {t('evidence.chooseFolder')}
              </button>
            ) : folder ? (
              <p className="muted">{t('evidence.folderFlag')}</p>
            ) : null}
          </div>
        ) : null}
        {/* Another agency reaches this machine through the browser host (Electron's pages are its own). */}
        {s.host === 'browser' && local ? (
          <button type="button" data-action="settings-access-links" onClick={() => setLinks(true)}>
            {t('settings.accessLinks')}
          </button>
        ) : null}
        <div className="editor-controls">
          <button type="submit" data-action="settings-close">
            {t('settings.done')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
