/**
 * "Bukti": the evidence log of clips (ClipLog), the latest evidence snapshots (thumbnail, camera, local time, hash,
 * whether the file still matches it), where they are kept, and the way there:
 * open the folder (Electron), choose another (Electron), or its path to copy
 * (the browser host, whose files may sit on another machine).
 */
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../shared/api';
import { useStore, useTranslate } from '../store';
import { ClipLog } from '../evidence/ClipLog';

type Listing = ApiResult<'snapshot:list'>;
const SHOWN = 12;

export function EvidenceDrawer() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const taken = useStore((s) => s.snapshotsTaken);
  const close = useStore((s) => s.togglePanel);
  const setNotice = useStore((s) => s.setNotice);
  const [listing, setListing] = useState<Listing>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!api) return;
    let current = true;
    void api.invoke('snapshot:list', { limit: SHOWN }).then((got) => {
      if (!current) return;
      if (!got.ok) return setNotice(got.error.message);
      setListing(got.value);
    });
    return () => {
      current = false;
    };
  }, [api, taken, reload, setNotice]);

  const openFolder = async () => {
    const done = await api?.invoke('snapshot:reveal', {});
    if (done && !done.ok) setNotice(done.error.message);
  };
  const chooseFolder = async () => {
    const chosen = await api?.invoke('snapshot:choose', {});
    if (chosen && !chosen.ok) return setNotice(chosen.error.message);
    if (chosen?.value.chosen) setReload((n) => n + 1);
  };

  return (
    <aside className="evidence-drawer drawer" aria-label={t('evidence.title')} data-control="evidence-drawer">
      <div className="health-head">
        <h2>{t('evidence.title')}</h2>
        <span className="health-summary" />
        <button type="button" aria-label={t('health.close')} onClick={() => close('evidence')}>
          ×
        </button>
      </div>
      <div className="evidence-folder">
        <span className="muted">{t('evidence.folder')}</span>{' '}
        <code data-control="evidence-folder">{listing?.folder ?? '…'}</code>
        <div className="evidence-folder-actions">
          {listing?.canOpen ? (
            <button type="button" data-action="evidence-open-folder" onClick={() => void openFolder()}>
              {t('evidence.openFolder')}
            </button>
          ) : listing ? (
            <button
              type="button"
              data-action="evidence-copy-folder"
              onClick={() => void navigator.clipboard?.writeText(listing.folder).catch(() => undefined)}
            >
              {t('evidence.copyFolder')}
            </button>
          ) : null}
          {listing?.canChoose ? (
            <button type="button" data-action="snapshot-folder" onClick={() => void chooseFolder()}>
              {t('evidence.chooseFolder')}
            </button>
          ) : null}
        </div>
        {listing && !listing.canOpen && !listing.canChoose ? <p className="muted">{t('evidence.folderFlag')}</p> : null}
      </div>
      <ClipLog />
      <h3>{t('evidence.snapshots')}</h3>
      {listing && listing.items.length === 0 ? (
        <p className="empty-state" data-control="evidence-empty">
          {t('evidence.empty')}
        </p>
      ) : null}
      <ul className="evidence-list">
        {listing?.items.map((item) => (
          <li key={item.file} data-evidence-file={item.file} data-intact={item.intact}>
            {item.thumbnail ? (
              <img src={item.thumbnail} alt={t('evidence.thumbnail', { camera: item.cameraName })} />
            ) : (
              <span className="evidence-no-thumb" />
            )}
            <div className="evidence-facts">
              <strong>{item.cameraName}</strong>
              <span>{item.localTime}</span>
              <span className="muted">
                {item.width}×{item.height} · {item.file}
              </span>
              <span className="evidence-hash" title={item.sha256}>
                {t('evidence.hash', { hash: `${item.sha256.slice(0, 16)}…` })}
              </span>
              <span className={item.intact ? 'evidence-intact' : 'evidence-changed'}>
                {item.intact ? `✓ ${t('evidence.intact')}` : `✗ ${t('evidence.changed')}`}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
