import { describe, expect, it } from 'vitest';
import type { LibraryAnnouncement } from '../discovery';
import { SERVER_EXTENSIONS } from '../discovery';
import { STOPPED_HOST, type HostState } from '../shared/tidewaveApi';
import { HostAnnouncement, announcementFor, type Announcer } from './hostAnnouncement';

const SHARED: HostState = {
  ...STOPPED_HOST,
  running: true,
  folder: '/music/Attic',
  port: 8080,
  host: '0.0.0.0',
  shareOnLan: true,
  shareAddresses: ['192.168.1.20:8080'],
  songCount: 12,
};

describe('announcementFor', () => {
  it('announces a running library shared on the network, with its TXT facts', () => {
    expect(announcementFor({ ...SHARED, accessCode: true }, 'Attic')).toEqual({
      name: 'Attic',
      songCount: 12,
      extensions: SERVER_EXTENSIONS,
      accessCode: true,
    });
  });

  it('does not announce a library kept on this computer, or none at all', () => {
    expect(announcementFor({ ...SHARED, shareOnLan: false, host: '127.0.0.1' }, 'A')).toBeNull();
    expect(announcementFor({ ...SHARED, host: '127.0.0.1' }, 'A')).toBeNull();
    expect(announcementFor(STOPPED_HOST, 'A')).toBeNull();
  });
});

/** Records what the announcements do, in order. */
function recorder() {
  const steps: string[] = [];
  const create = (port: number, library: LibraryAnnouncement): Announcer => {
    steps.push(`create ${port} ${library.name} ${library.songCount}`);
    return {
      start: async () => {
        steps.push('start');
        return library.name;
      },
      update: async (next) => {
        steps.push(`update ${next.songCount} code=${next.accessCode}`);
        return next.name;
      },
      stop: async () => void steps.push(`goodbye ${port}`),
    };
  };
  return { steps, create };
}

describe('HostAnnouncement', () => {
  it('announces, re-announces changes and new addresses, moves with the port, and says goodbye', async () => {
    const { steps, create } = recorder();
    const announcement = new HostAnnouncement({ name: () => 'Attic', createAnnouncer: create });
    await announcement.follow({ ...SHARED, shareOnLan: false, host: '127.0.0.1' });
    expect(steps).toEqual([]);
    await announcement.follow(SHARED);
    await announcement.follow(SHARED); // nothing new: nothing sent
    await announcement.follow({ ...SHARED, songCount: 13 });
    await announcement.follow({ ...SHARED, songCount: 13, accessCode: true });
    await announcement.follow({ ...SHARED, songCount: 13, accessCode: true }, true);
    expect(announcement.announcedAs).toBe('Attic');
    await announcement.follow({ ...SHARED, port: 9090 });
    await announcement.follow(STOPPED_HOST);
    expect(announcement.announcedAs).toBeNull();
    expect(steps).toEqual([
      'create 8080 Attic 12',
      'start',
      'update 13 code=false',
      'update 13 code=true',
      'update 13 code=true',
      'goodbye 8080',
      'create 9090 Attic 12',
      'start',
      'goodbye 9090',
    ]);
  });

  it('keeps going after an announcer fails', async () => {
    const errors: string[] = [];
    let first = true;
    const announcement = new HostAnnouncement({
      name: () => 'Attic',
      onError: (error) => errors.push(error.message),
      createAnnouncer: () => {
        if (first) {
          first = false;
          throw new Error('no multicast here');
        }
        return { start: async () => 'Attic', update: async () => 'Attic', stop: async () => {} };
      },
    });
    await announcement.follow(SHARED);
    expect(errors).toEqual(['no multicast here']);
    await announcement.follow(SHARED);
    expect(announcement.announcedAs).toBe('Attic');
  });

  it('shows the name the announcer claimed, or why it could not announce', async () => {
    let changes = 0;
    let taken = false;
    const announcement = new HostAnnouncement({
      name: () => 'Attic',
      onError: () => {},
      onNameChange: () => (changes += 1),
      createAnnouncer: () => ({
        start: async () => {
          if (taken) throw new Error('every name is taken');
          return 'Attic (2)';
        },
        update: async () => 'Attic (2)',
        stop: async () => {},
      }),
    });
    // Until the claim is done, the wanted name.
    expect(announcement.describe(SHARED)).toEqual({ announcedAs: 'Attic', announceError: null });
    await announcement.follow(SHARED);
    expect(changes).toBe(1);
    expect(announcement.describe(SHARED)).toEqual({
      announcedAs: 'Attic (2)',
      announceError: null,
    });
    expect(announcement.announcedAs).toBe('Attic (2)');
    await announcement.follow({ ...SHARED, songCount: 13 });
    expect(changes).toBe(1); // the same name: nothing new to show

    taken = true;
    await announcement.follow({ ...SHARED, port: 9090 });
    expect(announcement.describe({ ...SHARED, port: 9090 })).toEqual({
      announcedAs: null,
      announceError: 'Not announced on your network: every name is taken',
    });
    expect(changes).toBe(2);
    expect(announcement.describe(STOPPED_HOST)).toEqual({ announcedAs: null, announceError: null });
  });
});
