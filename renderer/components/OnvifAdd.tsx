/**
 * Add a camera over ONVIF: find devices (only when asked: the local network's
 * multicast group, or addresses typed in for routed networks), read one with
 * its credentials (model, profiles with their sizes, PTZ), then add it. The
 * core reads the device again when adding; the page never holds more than
 * what the operator typed.
 */
import { useRef, useState } from 'react';
import { cameraFieldIssues, type FieldProblem } from '../../shared/camera-fields';
import type { ApiResult } from '../../shared/api';
import type { DeviceReport } from '../../shared/onvif';
import { slug } from '../../shared/search';
import { useStore, useTranslate } from '../store';
import { Dialog } from './Dialog';
import { focusFirstInvalid, TextField } from './TextField';
import { credentialsOf } from '../../shared/model';

type Devices = ApiResult<'onvif:discover'>['devices'];

export function OnvifAdd({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setNotice = useStore((s) => s.setNotice);
  const [targets, setTargets] = useState('');
  const [devices, setDevices] = useState<Devices | 'searching'>();
  const [login, setLogin] = useState({ address: '', username: '', password: '' });
  const [report, setReport] = useState<DeviceReport | 'reading'>();
  const [details, setDetails] = useState({ id: '', name: '', group: '' });
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<Record<string, FieldProblem | undefined>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const say = (key: string) => (problems[key] ? t(`field.problem.${problems[key]}`) : undefined);
  /** Our own words for what is missing or malformed (the form is noValidate). */
  const checked = (values: Record<string, string>): boolean => {
    const found = Object.fromEntries(
      Object.entries(values).flatMap(([key, value]) => {
        if (key === 'address') return value.trim() ? [] : [[key, 'required' as const]];
        const issue = cameraFieldIssues({ [key]: value })[0];
        return issue ? [[key, issue.problem]] : [];
      }),
    );
    setProblems(found);
    if (Object.keys(found).length) focusFirstInvalid(formRef.current);
    return Object.keys(found).length === 0;
  };

  const credentials = () => ({
    address: login.address.trim(),
    ...credentialsOf(login),
  });
  const discover = async () => {
    if (!api) return;
    setDevices('searching');
    setError(undefined);
    const list = targets.split(/[\s,;]+/).filter(Boolean);
    const found = await api.invoke('onvif:discover', { timeoutMs: 2000, ...(list.length ? { targets: list } : {}) });
    if (!found.ok) return (setDevices(undefined), setError(found.error.message));
    setDevices(found.value.devices);
  };
  const read = async () => {
    if (!api || !checked({ address: login.address })) return;
    setReport('reading');
    setError(undefined);
    const result = await api.invoke('onvif:inspect', credentials());
    if (!result.ok) return (setReport(undefined), setError(result.error.message));
    setReport(result.value);
    const label = [result.value.manufacturer, result.value.model].filter(Boolean).join(' ') || result.value.address;
    setDetails((d) => ({
      id: d.id || slug(`${result.value.model || 'onvif'}-${result.value.address.replace(/[:.]/g, '-')}`, 'onvif', 64),
      name: d.name || label,
      group: d.group,
    }));
  };
  const add = async () => {
    if (!api || !checked({ id: details.id, name: details.name, group: details.group })) return;
    const saved = await api.invoke('onvif:add', {
      ...credentials(),
      id: details.id.trim(),
      name: details.name.trim(),
      ...(details.group.trim() ? { group: details.group.trim() } : {}),
    });
    if (!saved.ok) return setError(saved.error.message.replace(/^onvif:add: /, ''));
    setNotice(t('camera.added', { name: saved.value.name }));
    onClose();
  };
  const loginField = (
    key: keyof typeof login,
    label: 'onvif.address' | 'nvr.username' | 'nvr.password',
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      label={t(label)}
      problem={say(key)}
      data-control={`onvif-${key}`}
      value={login[key]}
      onChange={(e) => (setLogin({ ...login, [key]: e.target.value }), setReport(undefined))}
      {...extra}
    />
  );
  const ready = report && report !== 'reading';

  return (
    <Dialog label={t('onvif.title')} onClose={onClose}>
      <form
        ref={formRef}
        noValidate
        className="editor nvr-form onvif-form"
        onSubmit={(e) => (e.preventDefault(), void (ready ? add() : read()))}
      >
        <h2>{t('onvif.title')}</h2>
        <fieldset>
          <legend>{t('onvif.find')}</legend>
          <label>
            {t('onvif.targets')}
            <input
              data-control="onvif-targets"
              value={targets}
              placeholder={t('onvif.targetsHint')}
              onChange={(e) => setTargets(e.target.value)}
            />
          </label>
          <button
            type="button"
            data-action="onvif-discover"
            disabled={devices === 'searching'}
            onClick={() => void discover()}
          >
            {devices === 'searching' ? t('onvif.searching') : t('onvif.search')}
          </button>
          {Array.isArray(devices) ? (
            devices.length ? (
              <ul className="onvif-devices" data-control="onvif-devices">
                {devices.map((d) => (
                  <li key={d.urn || d.address}>
                    <button
                      type="button"
                      data-device={d.address}
                      onClick={() => (setLogin({ ...login, address: d.address }), setReport(undefined))}
                    >
                      <strong>{d.address}</strong> {[d.name, d.model].filter(Boolean).join(' · ')}{' '}
                      <span className="muted">
                        {d.needsCredentials === true
                          ? t('onvif.needsLogin')
                          : d.needsCredentials === false
                            ? t('onvif.open')
                            : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted" role="status">
                {t('onvif.none')}
              </p>
            )
          ) : null}
        </fieldset>
        {loginField('address', 'onvif.address', { placeholder: '192.168.1.64:80', autoFocus: true })}
        {loginField('username', 'nvr.username', { autoComplete: 'off' })}
        {loginField('password', 'nvr.password', { type: 'password', autoComplete: 'new-password' })}
        {ready ? (
          <div className="onvif-report" data-control="onvif-report">
            <p>
              <strong>{[report.manufacturer, report.model].filter(Boolean).join(' ')}</strong>{' '}
              {report.firmware ? `· ${report.firmware}` : ''} {report.serial ? `· ${report.serial}` : ''}
            </p>
            <ul>
              {report.profiles.map((p, i) => (
                <li key={p.token} data-profile-token={p.token}>
                  {`${i === 0 ? 'main' : i === 1 ? 'sub' : `sub${i}`}: ${p.name} — ${p.encoding ?? '?'} ${p.width ?? '?'}×${p.height ?? '?'}${p.fps ? `, ${p.fps} fps` : ''}`}
                </li>
              ))}
            </ul>
            <p data-control="onvif-ptz">{report.ptz ? t('onvif.ptzYes') : t('onvif.ptzNo')}</p>
            {report.rewrittenFrom ? (
              <p className="muted">{t('onvif.rewritten', { from: report.rewrittenFrom, to: report.address })}</p>
            ) : null}
            <TextField
              label={t('camera.id')}
              problem={say('id')}
              data-control="onvif-id"
              maxLength={64}
              value={details.id}
              onChange={(e) => setDetails({ ...details, id: e.target.value })}
            />
            <TextField
              label={t('camera.name')}
              problem={say('name')}
              data-control="onvif-name"
              maxLength={120}
              value={details.name}
              onChange={(e) => setDetails({ ...details, name: e.target.value })}
            />
            <label>
              {t('camera.group')}
              <input
                data-control="onvif-group"
                value={details.group}
                placeholder="Kota Semarang/Tembalang/Bulusan/RT 03"
                onChange={(e) => setDetails({ ...details, group: e.target.value })}
              />
            </label>
          </div>
        ) : null}
        {error ? (
          <p className="editor-error" role="alert" data-control="onvif-error">
            {error}
          </p>
        ) : null}
        <div className="editor-controls">
          {ready ? (
            <button type="submit" data-action="onvif-add">
              {t('onvif.add')}
            </button>
          ) : (
            <button type="submit" data-action="onvif-read" disabled={report === 'reading'}>
              {report === 'reading' ? t('onvif.reading') : t('onvif.read')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('layout.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
