/**
 * "Alarm": the alarm list — what, which camera, when, from which watch list,
 * whether it is still going — each acknowledged with the operator's note;
 * sound on or off for this window; the log exported as CSV; and the watch
 * lists that decide what raises an alarm.
 */
import { useState } from 'react';
import type { Alarm } from '../../shared/alarms';
import { csvDocument } from '../../shared/csv';
import { localDateTime } from '../../shared/time';
import { downloadText } from '../download';
import { errorWords } from '../error-words';
import { useStore, useTranslate } from '../store';
import { WatchLists } from './WatchLists';
import './alarms.css';

export function AlarmDrawer() {
  const t = useTranslate();
  const alarms = useStore((s) => s.alarms);
  const open = useStore((s) => s.alarmsOpen);
  const muted = useStore((s) => s.alarmsMuted);
  const setMuted = useStore((s) => s.setAlarmsMuted);
  const cameras = useStore((s) => s.cameras);
  const lists = useStore((s) => s.watchLists);
  const close = useStore((s) => s.togglePanel);
  const names = new Map(cameras.map((c) => [c.id, c.name]));
  const listNames = new Map(lists.map((l) => [l.id, l.name]));
  const what = (a: Alarm) =>
    a.kind === 'down' && a.reason ? `${t('alarm.kind.down')}: ${errorWords(t, a.reason)}` : t(`alarm.kind.${a.kind}`);

  const exportCsv = () => {
    const header = ['raisedAt', 'camera', 'name', 'what', 'watchList', 'endedAt', 'ackedAt', 'ackedBy', 'note'];
    const text = csvDocument(
      header.map((h) => t(`alarm.col.${h}` as never)),
      alarms.map((a) => [
        localDateTime(a.raisedAt),
        a.cameraId,
        names.get(a.cameraId) ?? '',
        what(a),
        listNames.get(a.watchList ?? '') ?? a.watchList ?? '',
        localDateTime(a.endedAt),
        localDateTime(a.ackedAt),
        a.ackedBy ?? '',
        a.note ?? '',
      ]),
    );
    downloadText(`pantau-alarm-${new Date().toISOString().slice(0, 10)}.csv`, text, 'text/csv;charset=utf-8');
  };

  return (
    <aside className="alarm-drawer drawer" aria-label={t('alarm.title')} data-control="alarm-drawer">
      <div className="health-head">
        <h2>{t('alarm.title')}</h2>
        <span className="health-summary" data-control="alarm-open">
          {t('alarm.open', { n: open })}
        </span>
        <label className="alarm-mute">
          <input
            type="checkbox"
            data-control="alarm-muted"
            checked={muted}
            onChange={(e) => setMuted(e.target.checked)}
          />{' '}
          {t('alarm.mute')}
        </label>
        <button type="button" data-action="alarm-export" disabled={alarms.length === 0} onClick={exportCsv}>
          {t('alarm.export')}
        </button>
        <button type="button" aria-label={t('health.close')} onClick={() => close('alarms')}>
          ×
        </button>
      </div>
      {alarms.length === 0 ? (
        <p className="empty-state" data-control="alarm-empty">
          {lists.length === 0 ? t('alarm.noLists') : t('alarm.none')}
        </p>
      ) : null}
      <ol className="alarm-list">
        {alarms.map((a) => (
          <AlarmRow
            key={a.id}
            alarm={a}
            name={names.get(a.cameraId) ?? a.cameraId}
            what={what(a)}
            list={listNames.get(a.watchList ?? '')}
          />
        ))}
      </ol>
      <WatchLists />
    </aside>
  );
}

function AlarmRow({ alarm, name, what, list }: { alarm: Alarm; name: string; what: string; list: string | undefined }) {
  const t = useTranslate();
  const ack = useStore((s) => s.ackAlarm);
  const putOnWall = useStore((s) => s.putOnWall);
  const [note, setNote] = useState('');
  const show = () => putOnWall(alarm.cameraId);
  const acked = alarm.ackedAt !== undefined;
  return (
    <li
      className={`alarm-row${acked ? ' alarm-acked' : ''}${alarm.endedAt === undefined ? ' alarm-active' : ''}`}
      data-alarm-id={alarm.id}
      data-camera-id={alarm.cameraId}
      data-kind={alarm.kind}
      data-acked={acked}
    >
      <div className="alarm-what">
        <strong>{name}</strong> · {what}
      </div>
      <div className="alarm-when muted">
        {localDateTime(alarm.raisedAt)}
        {list ? ` · ${list}` : ''} ·{' '}
        {alarm.endedAt === undefined ? t('alarm.ongoing') : t('alarm.ended', { at: localDateTime(alarm.endedAt) })}
      </div>
      {acked ? (
        <div className="alarm-ack" data-control="alarm-ack-note">
          {t('alarm.acked', { at: localDateTime(alarm.ackedAt), by: alarm.ackedBy ?? '' })}: {alarm.note}
        </div>
      ) : (
        <form
          className="alarm-ack-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) void ack(alarm.id, note.trim()).then((ok) => ok && setNote(''));
          }}
        >
          <input
            type="text"
            data-control="alarm-note"
            aria-label={t('alarm.note')}
            placeholder={t('alarm.note')}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" data-action="alarm-ack" disabled={!note.trim()}>
            {t('alarm.ack')}
          </button>
        </form>
      )}
      <button type="button" className="alarm-show" data-action="alarm-show" onClick={show}>
        {t('fleet.toWall')}
      </button>
    </li>
  );
}
