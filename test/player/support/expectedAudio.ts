import type { PcmChunk } from '../../../src/decoder';
import { PlaybackService } from '../../../src/player';
import type { SkipSong } from './skipSongs';
import { SkipListener } from './skipListener';

/**
 * What a stream of a song from a start time must be, sample for sample: the song's fresh
 * decode from round(start × rate) on, which seeks in MP3 (MPEG-1), FLAC, WAV and Vorbis give
 * bit for bit (test/seek). An Opus seek converges to the whole-file decode only some time after
 * its start (measured here: 40 dB over the rest of a tone with 100 ms of pre-roll, exact with
 * 340 ms), so it is compared with the same seek played alone, one play at a time, on a player
 * of its own: the decoder is deterministic, so skipping must not change a sample of it.
 */
export class ExpectedAudio {
  private solo: { service: PlaybackService; listener: SkipListener } | null = null;
  private readonly soloPlays = new Map<string, PcmChunk>();

  constructor(
    private readonly port: number,
    private readonly ids: readonly number[],
    private readonly songs: readonly SkipSong[],
  ) {}

  async of(song: number, startSeconds: number): Promise<PcmChunk> {
    const { reference, opus } = this.songs[song];
    const from = Math.round(startSeconds * reference.sampleRate);
    if (opus && from > 0) return this.playedAlone(song, startSeconds);
    const channels = reference.channels.map((channel) => channel.subarray(from));
    return { sampleRate: reference.sampleRate, channels };
  }

  async dispose(): Promise<void> {
    await this.solo?.service.dispose();
  }

  private async playedAlone(song: number, startSeconds: number): Promise<PcmChunk> {
    const key = `${song}@${startSeconds}`;
    const known = this.soloPlays.get(key);
    if (known) return known;
    const { service, listener } = await this.soloPlayer();
    await service.play({ songId: this.ids[song], startSeconds });
    const streamId = listener.lastStarted;
    await listener.at(
      () => listener.over(streamId) !== null,
      () => {},
      20_000,
      'a solo play',
    );
    const audio = listener.audioOf(streamId);
    if (listener.over(streamId) !== 'ended' || !audio) throw new Error(`solo play of ${key}`);
    this.soloPlays.set(key, audio);
    return audio;
  }

  private async soloPlayer(): Promise<{ service: PlaybackService; listener: SkipListener }> {
    if (!this.solo) {
      const service = new PlaybackService();
      this.solo = { service, listener: new SkipListener(service) };
      await service.connect('127.0.0.1', this.port);
    }
    return this.solo;
  }
}
