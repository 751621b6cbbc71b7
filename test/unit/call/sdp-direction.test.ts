import { describe, expect, test } from 'vitest';
import { audioDirection, isRemoteHold } from '../../../src/call/sdp-direction';

const sdp = (session: string, audio: string, video = '') =>
  ['v=0', 'o=- 1 2 IN IP4 192.0.2.1', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0', session, 'm=audio 4000 RTP/AVP 0 101', audio, video ? `m=video 4002 RTP/AVP 96\r\n${video}` : '']
    .filter(Boolean)
    .join('\r\n');

describe('audioDirection', () => {
  test('the audio section wins over the session level, the session level over the default', () => {
    expect(audioDirection(sdp('a=sendrecv', 'a=sendonly'))).toBe('sendonly');
    expect(audioDirection(sdp('a=inactive', 'a=rtpmap:0 PCMU/8000'))).toBe('inactive');
    expect(audioDirection(sdp('', 'a=rtpmap:0 PCMU/8000'))).toBe('sendrecv');
  });

  test('only the audio section counts: a held video stream is not a held call', () => {
    expect(audioDirection(sdp('', 'a=sendrecv', 'a=inactive'))).toBe('sendrecv');
  });

  test('the old hold by connection address 0.0.0.0 is inactive', () => {
    expect(audioDirection(sdp('', 'c=IN IP4 0.0.0.0\r\na=sendrecv'))).toBe('inactive');
    expect(audioDirection(sdp('', 'a=sendrecv').replace('c=IN IP4 192.0.2.1', 'c=IN IP4 0.0.0.0'))).toBe('inactive');
  });

  test('no body is sendrecv', () => {
    expect(audioDirection('')).toBe('sendrecv');
  });
});

describe('isRemoteHold', () => {
  test('their sendonly or inactive offer holds us; recvonly and sendrecv do not', () => {
    expect(isRemoteHold(sdp('', 'a=sendonly'))).toBe(true);
    expect(isRemoteHold(sdp('', 'a=inactive'))).toBe(true);
    expect(isRemoteHold(sdp('', 'a=recvonly'))).toBe(false);
    expect(isRemoteHold(sdp('', 'a=sendrecv'))).toBe(false);
  });
});
