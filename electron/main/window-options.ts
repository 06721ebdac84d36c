/**
 * The options of every window Pantau opens (Electron's security checklist).
 * Kept free of `electron` imports so a plain-Node test can assert them, and
 * the only way electron/main builds a BrowserWindow (a test checks that too).
 */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  backgroundThrottling: false;
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A wall in a background window must keep decoding: operators glance at it.
    backgroundThrottling: false,
  };
}

export type WindowKind = 'control' | 'wall';

export interface WindowOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  fullscreen: boolean;
  backgroundColor: string;
  title: string;
  show: boolean;
  autoHideMenuBar: boolean;
  webPreferences: SecureWebPreferences;
}

/** A control window (wall 1 and the operator's controls) or a wall window, on the given bounds. */
export function windowOptions(
  kind: WindowKind,
  bounds: { x: number; y: number; width: number; height: number },
  fullscreen: boolean,
  preload: string,
): WindowOptions {
  return {
    ...bounds,
    fullscreen,
    backgroundColor: '#0b0f14',
    title: kind === 'control' ? 'Pantau' : 'Pantau — wall',
    show: false,
    autoHideMenuBar: kind === 'wall',
    webPreferences: secureWebPreferences(preload),
  };
}
