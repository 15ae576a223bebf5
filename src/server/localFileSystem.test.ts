import { describe, expect, it } from 'vitest';
import { isLocalFileSystem } from './localFileSystem';

describe('isLocalFileSystem', () => {
  it('counts local disks and memory on Linux', () => {
    expect(isLocalFileSystem('linux', 0xef53)).toBe(true); // ext4
    expect(isLocalFileSystem('linux', 0x01021994)).toBe(true); // tmpfs
    expect(isLocalFileSystem('linux', 0x794c7630)).toBe(true); // overlayfs
  });

  it('does not count network file systems, FUSE, unknown types or a failed statfs', () => {
    expect(isLocalFileSystem('linux', 0x6969)).toBe(false); // NFS
    expect(isLocalFileSystem('linux', 0xff534d42)).toBe(false); // CIFS
    expect(isLocalFileSystem('linux', 0xfe534d42)).toBe(false); // SMB2
    expect(isLocalFileSystem('linux', 0x01021997)).toBe(false); // 9P (WSL's Windows drives)
    expect(isLocalFileSystem('linux', 0x65735546)).toBe(false); // FUSE (sshfs)
    expect(isLocalFileSystem('linux', 0x12345678)).toBe(false);
    expect(isLocalFileSystem('linux', null)).toBe(false);
  });

  it('counts nothing as local on other platforms, whose type numbers mean other things', () => {
    expect(isLocalFileSystem('darwin', 0xef53)).toBe(false);
    expect(isLocalFileSystem('win32', 0x01021994)).toBe(false);
  });
});
