/* eslint-disable @typescript-eslint/no-require-imports -- loaded with require() in place of the electron package */
/**
 * A STAND-IN for the `electron` module, for running the built main process
 * under plain Node where no Electron binary exists (tests/integration/main-startup.test.ts).
 * It does not imitate Electron's behaviour beyond what start-up touches: it
 * records every call the main process makes (app lifecycle, windows and
 * their options, IPC handlers, permission handlers, display events,
 * safeStorage) and, asked to quit, replays `before-quit` as Electron would
 * and writes the record as JSON to the file named by PANTAU_STAND_IN_LOG.
 */
const { EventEmitter } = require('node:events');
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const record = {
  calls: [],
  windows: [],
  handlers: [],
  loads: [],
  schemes: [],
  protocolAnswers: [],
  permissionRequest: false,
  permissionCheck: false,
  screenEvents: [],
};
const call = (name, ...args) =>
  record.calls.push([name, ...args.map((a) => (typeof a === 'function' ? '[function]' : a))]);

const paths = { userData: path.join(os.tmpdir(), 'pantau-stand-in'), logs: os.tmpdir(), temp: os.tmpdir() };

class App extends EventEmitter {
  isPackaged = false;
  ready = false;
  requestSingleInstanceLock() {
    call('app.requestSingleInstanceLock');
    return true;
  }
  whenReady() {
    call('app.whenReady');
    return new Promise((resolve) => setImmediate(() => ((this.ready = true), resolve())));
  }
  isReady() {
    return this.ready;
  }
  getPath(name) {
    return paths[name] ?? os.tmpdir();
  }
  setPath(name, value) {
    call('app.setPath', name);
    paths[name] = value;
  }
  quit() {
    call('app.quit');
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code) {
    call('app.exit', code);
    if (process.env.PANTAU_STAND_IN_LOG) writeFileSync(process.env.PANTAU_STAND_IN_LOG, JSON.stringify(record));
    process.exit(code);
  }
}
const app = new App();

class WebContents extends EventEmitter {
  static next = 1;
  id = WebContents.next++;
  setWindowOpenHandler(handler) {
    record.calls.push(['webContents.setWindowOpenHandler', handler()]);
  }
  send() {}
  reload() {}
}

class BrowserWindow extends EventEmitter {
  static next = 1;
  id = BrowserWindow.next++;
  webContents = new WebContents();
  destroyed = false;
  constructor(options) {
    super();
    record.windows.push(JSON.parse(JSON.stringify(options)));
    app.emit('web-contents-created', {}, this.webContents);
    setImmediate(() => this.emit('ready-to-show'));
  }
  loadFile(file, options) {
    record.loads.push({ file, query: options?.query ?? {} });
    return Promise.resolve();
  }
  loadURL(url) {
    record.loads.push({ url });
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.webContents.emit('destroyed');
  }
  show() {}
  focus() {}
  setBounds() {}
  getBounds() {
    return { x: 0, y: 0, width: 1920, height: 1080 };
  }
  isFullScreen() {
    return false;
  }
  setFullScreen() {}
}

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  label: 'Stand-in 1',
};
const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
});
const originalOn = screen.on.bind(screen);
screen.on = (event, listener) => (record.screenEvents.push(event), originalOn(event, listener));

/**
 * Records the privileged schemes, and asks a handler registered with
 * `protocol.handle` for a few addresses as Chromium would (the page, an
 * escape, another host, a POST), keeping status and CSP of each answer.
 */
const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    call('protocol.registerSchemesAsPrivileged');
    record.schemes.push(...schemes);
  },
  handle: (scheme, handler) => {
    call('protocol.handle', scheme);
    const asks = [
      ['GET', `${scheme}://app/index.html?wall=1`],
      ['GET', `${scheme}://app/%2e%2e/%2e%2e/package.json`],
      ['GET', `${scheme}://elsewhere/index.html`],
      ['POST', `${scheme}://app/index.html`],
    ];
    for (const [method, url] of asks)
      void Promise.resolve(handler({ method, url })).then((response) =>
        record.protocolAnswers.push({
          method,
          url,
          status: response.status,
          csp: response.headers.get('content-security-policy'),
        }),
      );
  },
};

module.exports = {
  app,
  protocol,
  BrowserWindow,
  screen,
  ipcMain: {
    handle: (channel) => record.handlers.push(channel),
    removeHandler: (channel) => call('ipcMain.removeHandler', channel),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler) => {
        let answer;
        handler(null, 'media', (allowed) => (answer = allowed));
        record.permissionRequest = answer === false;
      },
      setPermissionCheckHandler: (handler) => (record.permissionCheck = handler(null, 'media') === false),
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`sealed:${plain}`),
    decryptString: (sealed) => sealed.toString().replace(/^sealed:/, ''),
  },
  shell: {
    openPath: async (folder) => (call('shell.openPath', folder), ''),
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showErrorBox: (title, message) => call('dialog.showErrorBox', title, message),
  },
};
