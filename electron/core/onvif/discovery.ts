/**
 * WS-Discovery, only when the user asks: one Probe for ONVIF video devices,
 * sent to the multicast group (the local segment) and/or to addresses the
 * user lists (a directed probe, for networks where multicast does not cross
 * routers, as on a city's metro network). Replies are matched to our probe by
 * RelatesTo and collected until the timeout.
 */
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { linerase, parseSOAPString } from 'onvif/lib/utils';
import { CodedError } from '../../../shared/errors';
import type { DiscoveredDevice } from '../../../shared/onvif';

export const MULTICAST_TARGET = '239.255.255.250:3702';

export function probeMessage(messageId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
    'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
    `<s:Header><a:MessageID>${messageId}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
    '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>' +
    '<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>'
  );
}

function parseTarget(target: string): { host: string; port: number } {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(target.trim());
  if (!match || isIP(match[1]!) !== 4)
    throw new CodedError('invalid-request', `"${target}" is not an IPv4 address (optionally with :port) to probe.`);
  return { host: match[1]!, port: match[2] ? Number(match[2]) : 3702 };
}

/**
 * The IPv4 addresses to send a multicast probe from: every non-loopback
 * interface (a command-centre workstation often has a camera network and an
 * office network; the default route would reach only one of them).
 */
export function multicastInterfaces(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces)
    .flat()
    .filter((i): i is NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

const isMulticast = (host: string) => {
  const first = Number(host.split('.')[0]);
  return first >= 224 && first <= 239;
};

const scope = (scopes: string, key: string) => {
  const found = scopes.split(/\s+/).find((s) => s.startsWith(`onvif://www.onvif.org/${key}/`));
  return found ? decodeURIComponent(found.slice(`onvif://www.onvif.org/${key}/`.length)).replace(/_/g, ' ') : undefined;
};

interface ProbeMatch {
  urn: string;
  xaddrs: string[];
  scopes: string;
  relatesTo: string;
}

function parseProbeMatch(xml: string): Promise<ProbeMatch | null> {
  return new Promise((resolve) => {
    parseSOAPString(
      xml,
      (err, data) => {
        if (err) return resolve(null);
        const body = linerase(data) as { probeMatches?: { probeMatch?: unknown } } | undefined;
        const first = [body?.probeMatches?.probeMatch].flat()[0] as
          { endpointReference?: { address?: unknown }; XAddrs?: unknown; scopes?: unknown } | undefined;
        const relatesTo = /<(?:\w+:)?RelatesTo[^>]*>([^<]+)</.exec(xml)?.[1]?.trim() ?? '';
        if (!first || typeof first.XAddrs !== 'string') return resolve(null);
        resolve({
          urn: String(first.endpointReference?.address ?? ''),
          xaddrs: first.XAddrs.split(/\s+/).filter(Boolean),
          scopes: typeof first.scopes === 'string' ? first.scopes : '',
          relatesTo,
        });
      },
      200,
    );
  });
}

export async function discoverDevices(options: {
  timeoutMs: number;
  targets?: string[];
  checkCredentials?: (address: string) => Promise<boolean | null>;
}): Promise<DiscoveredDevice[]> {
  const targets = (options.targets?.length ? options.targets : [MULTICAST_TARGET]).map(parseTarget);
  const messageId = `urn:uuid:${randomUUID()}`;
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  const found = new Map<string, DiscoveredDevice>();
  const parsing: Promise<void>[] = [];
  socket.on('message', (message, remote) => {
    parsing.push(
      parseProbeMatch(message.toString('utf8')).then((match) => {
        if (!match || match.relatesTo !== messageId) return;
        // Prefer the announced address on the host that answered (a device behind NAT announces its inside address).
        const urls = match.xaddrs.flatMap((x) => {
          try {
            return [new URL(x)];
          } catch {
            return [];
          }
        });
        const chosen = urls.find((u) => u.hostname === remote.address) ?? urls[0];
        if (!chosen) return;
        const port = chosen.port || (chosen.protocol === 'https:' ? '443' : '80');
        const address = `${remote.address}:${port}`;
        const key = match.urn || address;
        if (found.has(key)) return;
        const name = scope(match.scopes, 'name');
        const model = scope(match.scopes, 'hardware');
        found.set(key, {
          address,
          xaddr: chosen.toString(),
          urn: match.urn,
          ...(name ? { name } : {}),
          ...(model ? { model } : {}),
          needsCredentials: null,
        });
      }),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => resolve());
    });
    const probe = Buffer.from(probeMessage(messageId));
    const send = (target: { host: string; port: number }) =>
      new Promise<void>((resolve, reject) =>
        socket.send(probe, target.port, target.host, (err) => (err ? reject(err) : resolve())),
      );
    for (const target of targets) {
      const via = isMulticast(target.host) ? multicastInterfaces(networkInterfaces()) : [];
      if (via.length === 0) await send(target);
      for (const address of via) {
        socket.setMulticastInterface(address);
        // One interface failing (down, no route) must not stop the others.
        await send(target).catch(() => undefined);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, options.timeoutMs));
  } catch (error) {
    throw new CodedError('device-unreachable', `The discovery probe could not be sent: ${(error as Error).message}`);
  } finally {
    socket.close();
  }
  await Promise.all(parsing);
  const devices = [...found.values()];
  if (options.checkCredentials) {
    await Promise.all(devices.map(async (d) => (d.needsCredentials = await options.checkCredentials!(d.address))));
  }
  return devices.sort((a, b) => a.address.localeCompare(b.address));
}
