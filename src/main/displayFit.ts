import type { WindowBounds } from './windowState';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screens attached now: every display's work area, and the primary display's. */
export interface ScreenLayout {
  workAreas: readonly Rectangle[];
  primary: Rectangle;
}

/** How much of a window must lie on a screen to count as reachable: enough to grab and drag. */
const MIN_VISIBLE_PX = 48;

/**
 * Saved bounds fitted to the screens attached now. A window on no screen's work area any more (a
 * monitor unplugged, the resolution lowered) loses its position, so the system places it on the
 * primary screen, and keeps its size capped to the primary work area.
 */
export function fitToDisplays(bounds: WindowBounds, screens: ScreenLayout): WindowBounds {
  const { x, y, width, height } = bounds;
  if (x !== undefined && y !== undefined) {
    const window = { x, y, width, height };
    if (screens.workAreas.some((area) => isReachableOn(window, area))) return bounds;
  }
  return {
    width: capTo(width, screens.primary.width),
    height: capTo(height, screens.primary.height),
    maximized: bounds.maximized,
  };
}

function isReachableOn(window: Rectangle, area: Rectangle): boolean {
  const across = overlap(window.x, window.width, area.x, area.width);
  const down = overlap(window.y, window.height, area.y, area.height);
  return (
    across >= Math.min(MIN_VISIBLE_PX, window.width) &&
    down >= Math.min(MIN_VISIBLE_PX, window.height)
  );
}

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);
}

/** A zero-sized primary work area (seen on headless setups) caps nothing. */
function capTo(size: number, limit: number): number {
  return limit > 0 ? Math.min(size, limit) : size;
}
