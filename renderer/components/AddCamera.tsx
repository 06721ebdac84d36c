/**
 * Add a camera by hand: name, group, stream URLs, credentials, and a "test
 * connection" that says in words what the camera answered. The credentials
 * go to the core, which keeps them; the page never gets them back.
 */
import { useState } from 'react';
import type { ApiResult } from '../../shared/api';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';

interface Draft {
  id: string;
  name: string;
  group: string;
  main: string;
  sub: string;
  username: string;
  password: string;
}

const empty: Draft = { id: '', name: '', group: '', main: '', sub: '', username: '', password: '' };

export function AddCamera({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setNotice = useStore((s) => s.setNotice);
  const [draft, setDraft] = useState<Draft>(empty);
  const [probe, setProbe] = useState<ApiResult<'camera:probe'> | 'checking'>();
  const [error, setError] = useState<string>();
  const field = (key: keyof Draft, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <label>
      {t(label)}
      <input data-control={`camera-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} {...extra} />
    </label>
  );

  const test = async () => {
    if (!api) return;
    setProbe('checking');
    const result = await api.invoke('camera:probe', { url: draft.main.trim(), ...(draft.username ? { username: draft.username } : {}), ...(draft.password ? { password: draft.password } : {}) });
    setProbe(result.ok ? result.value : { outcome: 'failed', detail: result.error.message });
  };
  const save = async () => {
    if (!api) return;
    const camera = {
      id: draft.id.trim(),
      name: draft.name.trim(),
      ...(draft.group.trim() ? { group: draft.group.trim() } : {}),
      streams: [{ profile: 'main', url: draft.main.trim() }, ...(draft.sub.trim() ? [{ profile: 'sub', url: draft.sub.trim() }] : [])],
      ...(draft.username ? { username: draft.username } : {}),
      ...(draft.password ? { password: draft.password } : {}),
    };
    const saved = await api.invoke('camera:add', { camera });
    if (!saved.ok) return setError(saved.error.message.replace(/^camera:add: /, ''));
    setNotice(t('camera.added', { name: saved.value.name }));
    onClose();
  };

  const probeText =
    probe === 'checking'
      ? t('probe.checking')
      : probe
        ? probe.outcome === 'ok'
          ? t('probe.ok', { codec: probe.codec ?? '?', size: probe.width ? `${probe.width}×${probe.height}` : '?', fps: probe.fps ?? '?' })
          : t(`probe.${probe.outcome}` as MessageKey)
        : undefined;

  return (
    <div className="editor-backdrop" role="dialog" aria-modal="true" aria-label={t('camera.addTitle')}>
      <form className="editor nvr-form" onSubmit={(e) => (e.preventDefault(), void save())}>
        <h2>{t('camera.addTitle')}</h2>
        {field('id', 'camera.id', { required: true, maxLength: 64 })}
        {field('name', 'camera.name', { required: true, maxLength: 120 })}
        {field('group', 'camera.group', { placeholder: 'Kota Semarang/Tembalang/Bulusan/RT 03' })}
        {field('main', 'camera.mainUrl', { required: true, placeholder: 'rtsp://…' })}
        {field('sub', 'camera.subUrl', { placeholder: 'rtsp://…' })}
        {field('username', 'nvr.username', { autoComplete: 'off' })}
        {field('password', 'nvr.password', { type: 'password', autoComplete: 'new-password' })}
        {probeText ? (
          <p className={`probe probe-${probe === 'checking' ? 'checking' : probe?.outcome}`} data-control="probe-result" role="status">
            {probeText}
          </p>
        ) : null}
        {error ? <p className="editor-error" role="alert">{error}</p> : null}
        <div className="editor-controls">
          <button type="button" data-action="camera-probe" disabled={!draft.main.trim() || probe === 'checking'} onClick={() => void test()}>
            {t('probe.test')}
          </button>
          <button type="submit" data-action="camera-save">
            {t('layout.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('layout.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
