import type { Call } from './call';

interface Leg {
  call: Call;
  sender: RTCRtpSender;
  /** The microphone track the call sent before the conference (given back when it ends). */
  microphone: MediaStreamTrack;
}

/**
 * A three-way conference mixed in the browser: each call is sent the user's microphone plus the other call's voice
 * (Web Audio), and the user hears both calls as before (each plays through its own audio element). No conference
 * server is needed, so it works with any PBX; the cost is that the user's upload carries two streams.
 */
export class Conference {
  private readonly context = new AudioContext();
  private legs: Leg[] = [];

  /** Starts mixing `calls` (answered, not held); throws when a call has no media yet. */
  async start(calls: readonly Call[]): Promise<void> {
    this.legs = calls.map((call) => {
      const sender = call.handler()?.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio');
      const microphone = sender?.track;
      if (!sender || !microphone) throw new Error('no audio sender');
      return { call, sender, microphone };
    });
    await this.context.resume();
    for (const leg of this.legs) {
      const mix = this.context.createMediaStreamDestination();
      this.context.createMediaStreamSource(new MediaStream([leg.microphone])).connect(mix);
      for (const other of this.legs) {
        const voice = other === leg ? undefined : other.call.remoteStream();
        if (voice?.getAudioTracks().length) this.context.createMediaStreamSource(voice).connect(mix);
      }
      const [track] = mix.stream.getAudioTracks();
      if (!track) throw new Error('no mixed track');
      await leg.sender.replaceTrack(track);
      leg.call.conference = true;
      // Mute silences the microphone going into every mix, not the mixed track (that would cut the other voice too).
      leg.call.microphoneTrack = leg.microphone;
    }
  }

  /** A call of the conference ended: the one left talks to the user alone again. */
  async leave(call: Call): Promise<void> {
    if (!this.legs.some((leg) => leg.call === call)) return;
    await this.stop();
  }

  includes(call: Call): boolean {
    return this.legs.some((leg) => leg.call === call);
  }

  /** Gives every call its own microphone back and frees the mixer. */
  async stop(): Promise<void> {
    const legs = this.legs;
    this.legs = [];
    for (const leg of legs) {
      leg.call.conference = false;
      leg.call.microphoneTrack = undefined;
      leg.microphone.enabled = !leg.call.muted;
      await leg.sender.replaceTrack(leg.microphone).catch(() => undefined);
      leg.call.notify();
    }
    await this.context.close().catch(() => undefined);
  }
}
