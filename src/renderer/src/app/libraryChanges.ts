import type { LibraryChange } from '../../../shared/tidewaveApi';
import { validateLibraryChange } from '../../../shared/ipcValidation';
import { engine } from '../audio/engineHolder';
import { carryOverId } from '../lib/carryOverId';
import { departedAfter } from '../lib/shownSong';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';

/**
 * The server's library changed: fetch the list again, keeping what the person was doing. The
 * selection follows its song (libraryStore), the playing song goes on and keeps its row (its id
 * is carried over the same way), and the table keeps its scroll position (SongTable).
 */
export async function followLibraryChange(change: LibraryChange): Promise<void> {
  validateLibraryChange(change);
  const before = useLibraryStore.getState().songs;
  await useLibraryStore.getState().refresh();
  const after = useLibraryStore.getState().songs;
  if (after === before) return; // the refresh failed or lost to a newer one
  // The player and the engine's streams name songs by id: both follow their songs. A song gone
  // from the list keeps its old id, and plays out from the server's open file, still named.
  const newId = (id: number) => carryOverId(before, after, id) ?? id;
  engine().renameSongs(newId);
  const { songId, departed } = usePlayerStore.getState();
  const carried = carryOverId(before, after, songId);
  usePlayerStore.setState({
    departed: departedAfter(before, carried, songId, departed),
    ...(songId !== null && newId(songId) !== songId ? { songId: newId(songId) } : {}),
  });
}
