import { useSettings } from '../stores/settingsStore';
import { MutedIcon, VolumeIcon } from './icons';

/** The volume: a mute button that shows whether it is muted (as the M key), and the slider. */
export function VolumeSlider() {
  const volume = useSettings((s) => s.settings?.volume ?? 1);
  const setVolume = useSettings((s) => s.setVolume);
  const toggleMute = useSettings((s) => s.toggleMute);
  const muted = volume === 0;

  return (
    <div className="volume">
      <button
        type="button"
        className="icon-button"
        aria-label="Mute"
        aria-pressed={muted}
        title={muted ? 'Unmute (M)' : 'Mute (M)'}
        onClick={toggleMute}
      >
        {muted ? <MutedIcon /> : <VolumeIcon />}
      </button>
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.01}
        value={volume}
        // Read out as a percentage: "0.8" alone is no volume a person knows.
        aria-valuetext={muted ? 'Muted' : `${Math.round(volume * 100)}%`}
        onChange={(e) => setVolume(Number(e.target.value))}
      />
    </div>
  );
}
