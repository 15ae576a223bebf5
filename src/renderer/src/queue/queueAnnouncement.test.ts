import { describe, expect, it } from 'vitest';
import { addedAnnouncement, removedAnnouncement } from './queueAnnouncement';

describe('addedAnnouncement', () => {
  it('says where the song went', () => {
    expect(addedAnnouncement('Night Ferry', 'front')).toBe('Night Ferry plays next.');
    expect(addedAnnouncement('Night Ferry', 'end')).toBe('Night Ferry added to the queue.');
  });
});

describe('removedAnnouncement', () => {
  it('names a single removed song', () => {
    expect(removedAnnouncement(['Glass Tide'])).toBe('Removed from Up next: Glass Tide.');
  });

  it('counts several, the same song queued twice counting twice', () => {
    expect(removedAnnouncement(['Glass Tide', 'Glass Tide', 'Night Ferry'])).toBe(
      '3 songs removed from Up next.',
    );
  });

  it('counts a song whose title is unknown (the old list did not have it) instead of naming it', () => {
    expect(removedAnnouncement([null])).toBe('1 song removed from Up next.');
    expect(removedAnnouncement([null, 'Glass Tide'])).toBe('2 songs removed from Up next.');
  });

  it('says nothing when nothing was removed', () => {
    expect(removedAnnouncement([])).toBe('');
  });
});
