import { describe, expect, test } from 'vitest';
import type { AudioRouting } from '../../../background/engine/audio-routing';
import { CallAudio } from '../../../background/engine/call-audio';

/** Just enough of an <audio> element and a document for CallAudio (the unit project has no DOM). */
function fakeDocument() {
  const made: { srcObject: unknown; removed: boolean }[] = [];
  const doc = {
    createElement: () => {
      const element = { autoplay: false, srcObject: null as unknown, removed: false, play: () => Promise.resolve(), remove: () => (element.removed = true) };
      made.push(element);
      return element;
    },
    body: { append: () => undefined },
  };
  return { doc: doc as unknown as Document, made };
}

const routing = { attach: () => undefined, detach: () => undefined } as unknown as AudioRouting;

describe('CallAudio', () => {
  test('one element per call; a renegotiated stream reuses it', () => {
    const { doc, made } = fakeDocument();
    const audio = new CallAudio(doc, routing);
    audio.play('a', 'stream 1' as unknown as MediaStream);
    audio.play('a', 'stream 2' as unknown as MediaStream);
    audio.play('b', 'stream 3' as unknown as MediaStream);
    expect(made.map((e) => e.srcObject)).toEqual(['stream 2', 'stream 3']);
  });

  test('release lets go of the stream as well as the page: a removed element holding its stream outlives the call', () => {
    const { doc, made } = fakeDocument();
    const audio = new CallAudio(doc, routing);
    audio.play('a', 'stream' as unknown as MediaStream);
    audio.release('a');
    expect(made[0]).toMatchObject({ removed: true, srcObject: null });
  });
});
