import type { PowerSaveBlocker } from 'electron';
import type { PlayingReport } from '../shared/tidewaveApi';

/** The system may sleep unless a song plays (a paused or stopped player lets it). */
export function keepsAwake(status: PlayingReport['status']): boolean {
  return status === 'playing';
}

/**
 * No system sleep while playing: Electron's powerSaveBlocker ('prevent-app-suspension', so the
 * display may still turn off) is started when a song plays and stopped on pause, stop or quit.
 */
export class SleepBlocker {
  private id: number | null = null;

  constructor(private readonly blocker: Pick<PowerSaveBlocker, 'start' | 'stop'>) {}

  update(status: PlayingReport['status']): void {
    const wanted = keepsAwake(status);
    if (wanted && this.id === null) this.id = this.blocker.start('prevent-app-suspension');
    if (!wanted && this.id !== null) {
      this.blocker.stop(this.id);
      this.id = null;
    }
  }

  get blocking(): boolean {
    return this.id !== null;
  }

  dispose(): void {
    this.update('idle');
  }
}
