import { PlayerView } from './views/PlayerView';

export function App() {
  return <PlayerView />;
}
