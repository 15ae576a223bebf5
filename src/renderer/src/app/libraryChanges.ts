import type { LibraryChange } from '../../../shared/tidewaveApi';
import { validateLibraryChange } from '../../../shared/ipcValidation';
import { carryOverId } from '../lib/carryOverId';
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
  const { songId } = usePlayerStore.getState();
  const carried = carryOverId(before, after, songId);
  if (carried !== null && carried !== songId) usePlayerStore.setState({ songId: carried });
}
