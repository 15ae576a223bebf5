import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AudioEngine } from './audio/audioEngine';
import { installEngine } from './audio/engineHolder';
import { installTestHooks, testHooksWanted } from './audio/testHooks';
import { api, installApi, readWindowApi } from './lib/api';
import { connectStores } from './app/connectStores';
import './styles.css';
import './forcedColors.css';
import './narrowLayout.css';
import { PlayerView } from './views/PlayerView';

const bridge = readWindowApi();
const root = createRoot(document.getElementById('root') as HTMLElement);

if (!bridge) {
  root.render(<p className="fatal">Tidewave could not reach its main process.</p>);
} else {
  installApi(bridge);
  const engine = new AudioEngine((streamId, buffered, received) =>
    api().reportBuffer(streamId, buffered, received),
  );
  installEngine(engine);
  if (testHooksWanted()) installTestHooks(engine);
  connectStores(bridge);
  root.render(
    <StrictMode>
      <PlayerView />
    </StrictMode>,
  );
}
