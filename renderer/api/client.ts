/**
 * The renderer's way to the core. Under Electron the preload's `window.pantau`;
 * in a browser, WebSocket RPC to the browser host, reconnecting by itself.
 */
import type {
  ApiEvent,
  ApiEventPayload,
  ApiMethod,
  ApiParams,
  ApiResult,
  PantauBridge,
  RpcMessage,
} from '../../shared/api';
import type { Result } from '../../shared/errors';

export interface ApiClient extends PantauBridge {
  /**
   * Called as the connection to the core comes and goes (at once if it is up);
   * `refused`: the host answers but no longer takes this link's token.
   */
  onConnection(listener: (connected: boolean, refused?: boolean) => void): () => void;
}

declare global {
  interface Window {
    pantau?: PantauBridge;
    /** Present only under the benchmark (tests/bench): hooks to drive the wall and time frames. */
    __pantauBench?: {
      store?: unknown;
      onDecode?: (cameraId: string, tileIndex: number, canvas: HTMLCanvasElement | null) => void;
    };
  }
}

/** Reads the launch token from the URL once, then hides it from the address bar. */
function launchToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('pantau.token', fromUrl);
    // Only the token leaves the address bar; the wall's own parameters stay.
    params.delete('token');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    return fromUrl;
  }
  return sessionStorage.getItem('pantau.token') ?? '';
}

class RpcClient implements ApiClient {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private retryMs = 250;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean, refused?: boolean) => void>();
  private opened: Promise<WebSocket>;
  private resolveOpened!: (ws: WebSocket) => void;

  constructor(private readonly url: string) {
    this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
    this.connect();
  }

  private connect(): void {
    const ws = new WebSocket(this.url);
    this.socket = ws;
    ws.onopen = () => {
      this.retryMs = 250;
      this.resolveOpened(ws);
      this.connectionListeners.forEach((l) => l(true));
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as RpcMessage;
      if ('id' in data) {
        this.pending.get(data.id)?.(data.result);
        this.pending.delete(data.id);
      } else {
        this.listeners.get(data.event)?.forEach((l) => l(data.payload));
      }
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      for (const resolve of this.pending.values())
        resolve({ ok: false, error: { code: 'internal', message: 'connection lost' } });
      this.pending.clear();
      this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
      this.connectionListeners.forEach((l) => l(false));
      void this.tokenRefused().then((refused) => refused && this.connectionListeners.forEach((l) => l(false, true)));
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  /** A socket that closed may be a host that is down, or one that no longer takes our token: ask it. */
  private async tokenRefused(): Promise<boolean> {
    const response = await fetch('/api/token', {
      headers: { Authorization: `Bearer ${launchToken()}` },
      cache: 'no-store',
    }).catch(() => undefined);
    return response?.status === 401;
  }

  async invoke<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<Result<ApiResult<M>>> {
    let ws = await this.opened;
    // A socket the host just dropped is CLOSING before its close event gives us a new one: sending on
    // it is an error in the console and a call lost. Wait for the next connection instead.
    for (let tries = 0; ws.readyState !== WebSocket.OPEN; tries++) {
      if (tries >= 40) return { ok: false, error: { code: 'internal', message: 'connection lost' } };
      await new Promise((resolve) => setTimeout(resolve, 50));
      ws = await this.opened;
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Result<unknown>) => void);
      ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  onConnection(listener: (connected: boolean, refused?: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    if (this.socket?.readyState === WebSocket.OPEN) listener(true);
    return () => this.connectionListeners.delete(listener);
  }
}

export function createApiClient(): ApiClient {
  const bridge = window.pantau;
  if (bridge) {
    // IPC has no connection to lose: report it as up at once.
    return { invoke: bridge.invoke, on: bridge.on, onConnection: (listener) => (listener(true), () => {}) };
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return new RpcClient(`${scheme}://${location.host}/api?token=${encodeURIComponent(launchToken())}`);
}
