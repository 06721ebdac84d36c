/**
 * A TCP (rtsp:) or TLS (rtsps:) connection to the host and port a camera URL
 * names, with RTSP's default ports: what the OPTIONS check (camera-alive.ts)
 * and our own DESCRIBE (rtsp-describe.ts) both open. Camera certificates are
 * self-signed as a rule, so they are not verified; no secret is sent in clear
 * over this either way (Digest, or Basic only where the camera asks for it).
 */
import net from 'node:net';
import tls from 'node:tls';

export function rtspSocket(target: URL): { socket: net.Socket; connected: 'connect' | 'secureConnect' } {
  const secure = target.protocol === 'rtsps:';
  const port = Number(target.port) || (secure ? 322 : 554);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const socket = secure ? tls.connect({ host, port, rejectUnauthorized: false }) : net.connect({ host, port });
  return { socket, connected: secure ? 'secureConnect' : 'connect' };
}
