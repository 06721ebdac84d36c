import { useAlarmReminder } from '../alarms/alarm-reminder';
import { useEffect } from 'react';
import { useStore, useTranslate } from '../store';
import { CameraList } from './CameraList';
import { EvidenceDrawer } from './EvidenceDrawer';
import { FleetDrawer } from '../fleet/FleetDrawer';
import { AlarmDrawer } from '../alarms/AlarmDrawer';
import { HealthPanel } from './HealthPanel';
import { usePtzInputs } from '../ptz/use-ptz-inputs';
import { OperatorDialog } from '../evidence/OperatorDialog';
import { Shortcuts } from './Shortcuts';
import { StatusBar } from './StatusBar';
import { SidePane } from './ui/SidePane';
import { Toolbar } from './Toolbar';
import { useWallLoad } from '../wall/use-wall-load';
import { Wall } from './Wall';
import { WallTabs } from './WallTabs';

export function App() {
  usePtzInputs();
  // Every window measures its own wall and sheds its own work, with or without a status bar.
  useWallLoad();
  const t = useTranslate();
  const connected = useStore((s) => s.connected);
  const linkRefused = useStore((s) => s.linkRefused);
  const onAccessLink = useStore((s) => !!s.info?.access);
  const loadError = useStore((s) => s.loadError);
  const language = useStore((s) => s.language);
  const panel = useStore((s) => s.panel);
  const notice = useStore((s) => s.notice);
  const setNotice = useStore((s) => s.setNotice);
  const windowControl = useStore((s) => s.control);
  const wallOnly = useStore((s) => s.wallOnly);
  const setWallOnly = useStore((s) => s.setWallOnly);
  const tileText = useStore((s) => s.tileText);
  // A control window put in wall-only mode hides its chrome until the operator asks for it back.
  const control = windowControl && !wallOnly;
  // The control window sounds the reminders (wall-only mode included: the operator still hears it).
  useAlarmReminder(windowControl);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className={`app tile-text-${tileText}${control ? '' : ' app-wall-only'}`} data-control-surface={control}>
      {windowControl && wallOnly ? (
        <button type="button" className="show-controls" data-action="show-controls" onClick={() => setWallOnly(false)}>
          {t('toolbar.showControls')}
        </button>
      ) : null}
      {control ? <Toolbar /> : null}
      <WallTabs />
      {!connected ? (
        <div className="banner" role="alert">
          {linkRefused ? t(onAccessLink ? 'connection.linkEnded' : 'connection.refused') : t('connection.lost')}
        </div>
      ) : null}
      {loadError ? (
        <div className="banner" role="alert">
          {loadError}
        </div>
      ) : null}
      {notice ? (
        <div className="banner banner-notice" role="alert" data-notice>
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(undefined)}>
            {t('layout.ok')}
          </button>
        </div>
      ) : null}
      <Shortcuts />
      <OperatorDialog />
      <div className="workspace">
        {control ? (
          <SidePane
            label={t('cameras.title')}
            collapseLabel={t('pane.collapse')}
            expandLabel={t('pane.expand')}
            resizeLabel={t('pane.resize')}
          >
            <CameraList />
          </SidePane>
        ) : null}
        <Wall />
        {control && panel === 'health' ? <HealthPanel /> : null}
        {control && panel === 'evidence' ? <EvidenceDrawer /> : null}
        {control && panel === 'fleet' ? <FleetDrawer /> : null}
        {control && panel === 'alarms' ? <AlarmDrawer /> : null}
      </div>
      {/* The machine's load is the machine's own link's business, not an agency's page's. */}
      {control && !onAccessLink ? <StatusBar /> : null}
    </div>
  );
}
