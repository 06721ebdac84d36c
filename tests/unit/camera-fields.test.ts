import { describe, expect, it } from 'vitest';
import { cameraFieldIssues, fieldOfPath, type CameraFieldValues, type FieldIssue } from '../../shared/camera-fields';

describe('camera fields checked one by one', () => {
  const table: [string, CameraFieldValues, FieldIssue[]][] = [
    ['a good camera', { id: 'cam-1', name: 'Simpang Lima', main: 'rtsp://10.0.0.5/1', transport: 'TCP' }, []],
    [
      'the three required fields empty',
      { id: ' ', name: '', main: '' },
      [
        { field: 'id', problem: 'required' },
        { field: 'name', problem: 'required' },
        { field: 'main', problem: 'required' },
      ],
    ],
    ['optional fields may be empty', { sub: '', group: '', username: '', password: '', transport: '' }, []],
    ['an id with a space', { id: 'pos 1' }, [{ field: 'id', problem: 'id-characters' }]],
    ['an id too long', { id: 'x'.repeat(65) }, [{ field: 'id', problem: 'too-long' }]],
    ['a name with a line break', { name: 'a\nb' }, [{ field: 'name', problem: 'control-characters' }]],
    [
      'a group with a text-direction trick',
      { group: 'Kota\u202e' },
      [{ field: 'group', problem: 'control-characters' }],
    ],
    ['an http address', { main: 'http://10.0.0.5/' }, [{ field: 'main', problem: 'not-rtsp' }]],
    ['no scheme at all', { sub: '10.0.0.5/live' }, [{ field: 'sub', problem: 'not-a-url' }]],
    ['an unknown transport', { transport: 'quic' }, [{ field: 'transport', problem: 'transport' }]],
    ['a password of spaces is a password', { password: '   ' }, []],
  ];
  it.each(table)('%s', (_, values, expected) => {
    expect(cameraFieldIssues(values)).toEqual(expected);
  });

  it('maps a schema path to the field the operator typed', () => {
    expect(fieldOfPath(['streams', 0, 'url'])).toBe('main');
    expect(fieldOfPath(['streams', 1, 'url'])).toBe('sub');
    expect(fieldOfPath(['streams', 1, 'transport'])).toBe('transport');
    expect(fieldOfPath(['name'])).toBe('name');
    expect(fieldOfPath(['onvif', 'address'])).toBeUndefined();
  });
});
