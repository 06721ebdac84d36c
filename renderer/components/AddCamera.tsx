/**
 * Add or edit a camera by hand: name, group, stream URLs, credentials, and a
 * "test connection" that says in words what the camera answered. The
 * credentials go to the core, which keeps them; the page never gets them
 * back: editing shows URLs without user info, and an empty password field
 * keeps the stored password.
 */
import { useEffect, useRef, useState } from 'react';
import { cameraFieldIssues, type CameraField, type FieldProblem } from '../../shared/camera-fields';
import type { ApiResult } from '../../shared/api';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';
import { Dialog } from './Dialog';
import { focusFirstInvalid, TextField } from './TextField';
import { credentialsOf, type CameraEditView, type StreamTransport } from '../../shared/model';

interface Draft {
  id: string;
  name: string;
  group: string;
  main: string;
  sub: string;
  username: string;
  password: string;
  transport: StreamTransport;
}

const empty: Draft = { id: '', name: '', group: '', main: '', sub: '', username: '', password: '', transport: 'auto' };
const transports: readonly StreamTransport[] = ['auto', 'tcp', 'udp', 'http'];

/** `editId`: the camera to edit; without it, a new camera. */
export function AddCamera({ onClose, editId }: { onClose: () => void; editId?: string }) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setNotice = useStore((s) => s.setNotice);
  const [draft, setDraft] = useState<Draft>(empty);
  const [hasPassword, setHasPassword] = useState(false);
  const [clearPassword, setClearPassword] = useState(false);
  const [loaded, setLoaded] = useState(editId === undefined);
  // What the camera file holds beyond the form (declared sizes, fps): kept on save.
  const [stored, setStored] = useState<CameraEditView['streams']>([]);
  useEffect(() => {
    if (!api || editId === undefined) return;
    void api.invoke('camera:get', { cameraId: editId }).then((got) => {
      if (!got.ok) return setError(got.error.message);
      const url = (profile: string) => got.value.streams.find((s) => s.profile === profile)?.url ?? '';
      const transport = got.value.streams[0]?.transport ?? 'auto';
      setDraft({
        id: got.value.id,
        name: got.value.name,
        group: got.value.group ?? '',
        main: url('main'),
        sub: url('sub'),
        username: got.value.username ?? '',
        password: '',
        transport,
      });
      setStored(got.value.streams);
      setHasPassword(got.value.hasPassword);
      setLoaded(true);
    });
  }, [api, editId]);
  const [probe, setProbe] = useState<ApiResult<'camera:probe'> | 'checking'>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<Partial<Record<CameraField, FieldProblem>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const field = (key: Exclude<keyof Draft, 'transport'>, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <TextField
      label={t(label)}
      problem={problems[key] ? t(`field.problem.${problems[key]}`) : undefined}
      data-control={`camera-${key}`}
      value={draft[key]}
      onChange={(e) => {
        setDraft({ ...draft, [key]: e.target.value });
        if (problems[key]) setProblems({ ...problems, [key]: undefined });
      }}
      {...extra}
    />
  );

  const test = async () => {
    if (!api) return;
    setProbe('checking');
    const result = await api.invoke('camera:probe', {
      url: draft.main.trim(),
      ...credentialsOf(draft),
      ...(editId !== undefined && !clearPassword ? { cameraId: editId } : {}),
      transport: draft.transport,
    });
    setProbe(result.ok ? result.value : { outcome: 'failed', detail: result.error.message });
  };
  const save = async () => {
    if (!api) return;
    const { transport: _, ...typed } = draft;
    const found = cameraFieldIssues(typed);
    setProblems(Object.fromEntries(found.map((f) => [f.field, f.problem])));
    if (found.length) return focusFirstInvalid(formRef.current);
    const camera = {
      id: draft.id.trim(),
      name: draft.name.trim(),
      ...(draft.group.trim() ? { group: draft.group.trim() } : {}),
      streams: [
        {
          ...stored.find((s) => s.profile === 'main'),
          profile: 'main',
          url: draft.main.trim(),
          transport: draft.transport,
        },
        ...(draft.sub.trim()
          ? [
              {
                ...stored.find((s) => s.profile === 'sub'),
                profile: 'sub',
                url: draft.sub.trim(),
                transport: draft.transport,
              },
            ]
          : []),
      ],
      ...credentialsOf(draft),
    };
    const saved =
      editId === undefined
        ? await api.invoke('camera:add', { camera })
        : await api.invoke('camera:update', { camera, clearPassword });
    if (!saved.ok) return setError(saved.error.message.replace(/^camera:(add|update): /, ''));
    const dropped = 'passwordDropped' in saved.value && saved.value.passwordDropped;
    setNotice(
      dropped
        ? t('camera.passwordDropped', { name: saved.value.name })
        : t(editId === undefined ? 'camera.added' : 'camera.updated', { name: saved.value.name }),
    );
    onClose();
  };
  const remove = async () => {
    if (!api || editId === undefined || !window.confirm(t('camera.removeConfirm', { name: draft.name }))) return;
    const done = await api.invoke('camera:remove', { cameraId: editId });
    if (!done.ok) return setError(done.error.message);
    setNotice(t('camera.removed', { name: draft.name }));
    onClose();
  };
  const title = t(editId === undefined ? 'camera.addTitle' : 'camera.editTitle');

  const probeText =
    probe === 'checking'
      ? t('probe.checking')
      : probe
        ? [
            probe.outcome === 'ok'
              ? t('probe.ok', {
                  codec: probe.codec ?? '?',
                  size: probe.width ? `${probe.width}×${probe.height}` : '?',
                  fps: probe.fps ?? '?',
                })
              : // The tile's words for the failure class where they say more than the outcome (silence vs no picture, a web server…).
                probe.http
                ? t('probe.http')
                : probe.failure && probe.outcome !== 'auth-failed' && probe.outcome !== 'unreachable'
                  ? t(`error.${probe.failure}` as MessageKey)
                  : t(`probe.${probe.outcome}` as MessageKey),
            // TCP is what everyone expects; a camera that answered only over UDP or HTTP is worth saying.
            probe.outcome === 'ok' && probe.transport && probe.transport !== 'tcp'
              ? t('probe.over', { transport: probe.transport.toUpperCase() })
              : '',
          ]
            .filter(Boolean)
            .join(' — ')
        : undefined;

  return (
    <Dialog label={title} onClose={onClose}>
      <form
        ref={formRef}
        className="editor nvr-form"
        noValidate
        data-loaded={loaded}
        onSubmit={(e) => (e.preventDefault(), void save())}
      >
        <h2>{title}</h2>
        {field('id', 'camera.id', {
          maxLength: 64,
          readOnly: editId !== undefined,
          autoFocus: editId === undefined,
        })}
        {field('name', 'camera.name', { maxLength: 120, autoFocus: editId !== undefined })}
        {field('group', 'camera.group', { placeholder: 'Kota Semarang/Tembalang/Bulusan/RT 03' })}
        {field('main', 'camera.mainUrl', { placeholder: 'rtsp://…' })}
        {field('sub', 'camera.subUrl', { placeholder: 'rtsp://…' })}
        {field('username', 'nvr.username', { autoComplete: 'off' })}
        {field('password', 'nvr.password', {
          type: 'password',
          autoComplete: 'new-password',
          disabled: clearPassword,
          placeholder: hasPassword ? t('camera.passwordKept') : '',
        })}
        <label>
          {t('camera.transport')}
          <select
            data-control="camera-transport"
            value={draft.transport}
            onChange={(e) => setDraft({ ...draft, transport: e.target.value as StreamTransport })}
          >
            {transports.map((mode) => (
              <option key={mode} value={mode}>
                {t(`camera.transport.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        {hasPassword ? (
          <label className="check">
            <input
              type="checkbox"
              data-control="camera-clear-password"
              checked={clearPassword}
              onChange={(e) => setClearPassword(e.target.checked)}
            />
            {t('camera.clearPassword')}
          </label>
        ) : null}
        {probeText ? (
          <p
            className={`probe probe-${probe === 'checking' ? 'checking' : probe?.outcome}`}
            data-control="probe-result"
            role="status"
          >
            {probeText}
          </p>
        ) : null}
        {error ? (
          <p className="editor-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="editor-controls">
          <button
            type="button"
            data-action="camera-probe"
            disabled={!draft.main.trim() || probe === 'checking'}
            onClick={() => void test()}
          >
            {t('probe.test')}
          </button>
          <button type="submit" data-action="camera-save">
            {t('layout.save')}
          </button>
          {editId !== undefined ? (
            <button type="button" data-action="camera-remove" onClick={() => void remove()}>
              {t('camera.remove')}
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            {t('layout.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
