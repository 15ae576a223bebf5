/**
 * Who the hosted library has, in a few words, for the host panel's summary while hosting (its
 * listeners table and refusals are in its details): "Nobody is listening", "2 listening · 1
 * refused".
 */
export function listeningSummary(listeners: number, refused: number): string {
  const listening = listeners === 0 ? 'Nobody is listening' : `${listeners} listening`;
  return refused === 0 ? listening : `${listening} · ${refused} refused`;
}

/**
 * What the host panel shows: everything while setting up (not hosting), and while hosting a
 * summary (start/stop, the address, who listens) unless the details are asked for, so that
 * the song table keeps its rows in a short window.
 */
export function hostPanelShowsDetails(running: boolean, detailsOpen: boolean): boolean {
  return !running || detailsOpen;
}
