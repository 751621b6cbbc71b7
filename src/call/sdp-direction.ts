export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/**
 * The direction of the first audio stream in an SDP body, as its sender declared it: the audio section's own
 * attribute, else the session-level one, else sendrecv (RFC 4566 §6). A hold in the RFC 2543 style (connection
 * address 0.0.0.0) counts as inactive: some older PBXs still hold that way.
 */
export function audioDirection(sdp: string): MediaDirection {
  const sections = sdp.split(/^m=/m);
  const audio = sections.slice(1).find((section) => section.startsWith('audio')) ?? '';
  const pick = (text: string) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(text)?.[1] as MediaDirection | undefined;
  if (/^c=IN IP4 0\.0\.0\.0\s*$/m.test(audio) || (!/^c=/m.test(audio) && /^c=IN IP4 0\.0\.0\.0\s*$/m.test(sections[0] ?? ''))) return 'inactive';
  return pick(audio) ?? pick(sections[0] ?? '') ?? 'sendrecv';
}

/** The other side holds us: they no longer send (their offer says sendonly or inactive). */
export function isRemoteHold(sdp: string): boolean {
  const direction = audioDirection(sdp);
  return direction === 'sendonly' || direction === 'inactive';
}
