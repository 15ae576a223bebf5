import { useSettings } from '../stores/settingsStore';
import { VolumeIcon } from './icons';

export function VolumeSlider() {
  const volume = useSettings((s) => s.settings?.volume ?? 1);
  const setVolume = useSettings((s) => s.setVolume);

  return (
    <label className="volume">
      <VolumeIcon />
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.01}
        value={volume}
        onChange={(e) => setVolume(Number(e.target.value))}
      />
    </label>
  );
}
