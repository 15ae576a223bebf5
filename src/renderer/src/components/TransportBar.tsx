import { NowPlaying } from './NowPlaying';
import { ProgressBar } from './ProgressBar';
import { TransportControls } from './TransportControls';
import { QueueControls } from './upNext/QueueControls';
import { VolumeSlider } from './VolumeSlider';

export function TransportBar() {
  return (
    <footer className="transport" aria-label="Player">
      <NowPlaying />
      <div className="transport-center">
        <TransportControls />
        <ProgressBar />
      </div>
      <div className="transport-end">
        <QueueControls />
        <VolumeSlider />
      </div>
    </footer>
  );
}
