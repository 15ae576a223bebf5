import { describe, expect, it } from 'vitest';
import { fitToDisplays, type ScreenLayout } from './displayFit';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 }; // below a 25 px menu bar, say
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1400 }; // to the right, higher up
const both: ScreenLayout = { workAreas: [LAPTOP, MONITOR], primary: LAPTOP };
const laptopOnly: ScreenLayout = { workAreas: [LAPTOP], primary: LAPTOP };

describe('fitToDisplays', () => {
  it('keeps bounds that lie on a screen, on any screen', () => {
    const onLaptop = { x: 100, y: 50, width: 1100, height: 720, maximized: false };
    const onMonitor = { x: 2000, y: -150, width: 1800, height: 1200, maximized: true };
    expect(fitToDisplays(onLaptop, both)).toEqual(onLaptop);
    expect(fitToDisplays(onMonitor, both)).toEqual(onMonitor);
  });

  it('keeps a window partly off screen while enough of it shows to drag it back', () => {
    const hangingOff = { x: -1000, y: 800, width: 1100, height: 720, maximized: false };
    expect(fitToDisplays(hangingOff, laptopOnly)).toEqual(hangingOff);
  });

  it('drops the place of a window on a screen that is gone, and caps its size', () => {
    const onMonitor = { x: 2000, y: -150, width: 1800, height: 1200, maximized: true };
    expect(fitToDisplays(onMonitor, laptopOnly)).toEqual({
      width: 1440,
      height: 875,
      maximized: true,
    });
  });

  it('drops the place of a window that only touches a screen by a sliver', () => {
    const sliver = { x: 1430, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(sliver, laptopOnly)).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    const adjacent = { x: 0, y: 875, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(adjacent, laptopOnly)).not.toHaveProperty('x');
  });

  it('caps the size of bounds saved without a place', () => {
    expect(fitToDisplays({ width: 3000, height: 700, maximized: false }, laptopOnly)).toEqual({
      width: 1440,
      height: 700,
      maximized: false,
    });
  });

  it('keeps the size when the screens are unknown', () => {
    const nowhere = { workAreas: [], primary: { x: 0, y: 0, width: 0, height: 0 } };
    expect(
      fitToDisplays({ x: 5, y: 5, width: 900, height: 600, maximized: false }, nowhere),
    ).toEqual({ width: 900, height: 600, maximized: false });
  });
});
