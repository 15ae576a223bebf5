import { NowPlaying } from './NowPlaying';
import { ProgressBar } from './ProgressBar';
import { TransportControls } from './TransportControls';
import { VolumeSlider } from './VolumeSlider';

export function TransportBar() {
  return (
    <footer className="transport" aria-label="Player">
      <NowPlaying />
      <div className="transport-center">
        <TransportControls />
        <ProgressBar />
      </div>
      <VolumeSlider />
    </footer>
  );
}
