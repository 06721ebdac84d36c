import { useEffect } from 'react';
import { useStore, useTranslate } from '../store';
import { HealthPanel } from './HealthPanel';
import { Toolbar } from './Toolbar';
import { Wall } from './Wall';

export function App() {
  const t = useTranslate();
  const connected = useStore((s) => s.connected);
  const loadError = useStore((s) => s.loadError);
  const language = useStore((s) => s.language);
  const panel = useStore((s) => s.panel);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className="app">
      <Toolbar />
      {!connected ? <div className="banner" role="alert">{t('connection.lost')}</div> : null}
      {loadError ? <div className="banner" role="alert">{loadError}</div> : null}
      <div className="workspace">
        <Wall />
        {panel === 'health' ? <HealthPanel /> : null}
      </div>
    </div>
  );
}
