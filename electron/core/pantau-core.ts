/**
 * The engine both hosts share: cameras, the stream hub and the API handlers,
 * with one per-launch token. Hosts add their transport (IPC or WebSocket RPC)
 * and the relay.
 */
import type { CameraRegistry } from './cameras/camera-registry';
import { createApiHandlers } from './api/pantau-api';
import type { ApiHandlers } from './api/dispatch';
import type { Logger } from './log';
import { newToken } from './relay/access';
import { StreamHub, type StreamHubOptions } from './streams/stream-hub';

export interface CoreOptions {
  cameras: CameraRegistry;
  ffmpegPath: string;
  logger: Logger;
  host: 'electron' | 'browser';
  version: string;
  lingerMs?: number;
  timing?: StreamHubOptions['timing'];
}

export class PantauCore {
  readonly token = newToken();
  readonly hub: StreamHub;
  readonly handlers: ApiHandlers;

  constructor(readonly options: CoreOptions) {
    this.hub = new StreamHub({
      ffmpegPath: options.ffmpegPath,
      logger: options.logger,
      sourceFor: (cameraId, profile) => options.cameras.sourceFor(cameraId, profile),
      ...(options.lingerMs !== undefined ? { lingerMs: options.lingerMs } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
    });
    this.handlers = createApiHandlers({
      cameras: options.cameras,
      hub: this.hub,
      token: this.token,
      host: options.host,
      version: options.version,
    });
  }

  /** Stops every ffmpeg this core started. */
  dispose(): Promise<void> {
    return this.hub.dispose();
  }
}
