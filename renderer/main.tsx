import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { installPtzSafety } from './ptz/ptz-store';
import { App } from './components/App';
import { useStore } from './store';
import './styles.css';

// The benchmark (tests/bench) defines window.__pantauBench before the page loads
// to drive the wall and read frames; without it nothing is exposed.
if (window.__pantauBench) window.__pantauBench.store = useStore;
installPtzSafety();
useStore.getState().start(createApiClient());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
