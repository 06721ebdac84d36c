import { describe, expect, it } from 'vitest';
import { multicastInterfaces, probeMessage } from '../../electron/core/onvif/discovery';

describe('WS-Discovery interfaces', () => {
  it('a multicast probe goes out on every IPv4 network the machine has, not loopback', () => {
    const nic = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({
      address,
      family,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
    });
    expect(
      multicastInterfaces({
        lo: [nic('127.0.0.1', 'IPv4', true)],
        kamera: [nic('10.20.0.5', 'IPv4', false), nic('fe80::1', 'IPv6', false)],
        kantor: [nic('192.168.1.20', 'IPv4', false)],
      } as never),
    ).toEqual(['10.20.0.5', '192.168.1.20']);
  });
});

describe('WS-Discovery probe', () => {
  it('asks for ONVIF video devices and carries the id replies must relate to', () => {
    const xml = probeMessage('urn:uuid:1234');
    expect(xml).toContain('<a:MessageID>urn:uuid:1234</a:MessageID>');
    expect(xml).toContain('<d:Types>dn:NetworkVideoTransmitter</d:Types>');
    expect(xml).toContain('http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe');
  });
});
