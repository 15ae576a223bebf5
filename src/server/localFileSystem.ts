/**
 * Whether a file system (`statfs`'s type on this platform) answers a path's `stat` from the
 * kernel's own caches or a local disk: then a `stat` on the event loop's thread costs a few
 * microseconds (provenHead.ts). A network file system (NFS, SMB, Ceph, 9P, FUSE mounts such as
 * sshfs) may wait on a server instead, for as long as it is unreachable, and so may any type not
 * listed here: those keep every file call in libuv's pool. Linux only: elsewhere `statfs`'s type
 * numbers mean other things, and nothing counts as local.
 */

/** Linux's `f_type` numbers (linux/magic.h) of file systems on local disks or in memory. */
const LINUX_LOCAL_TYPES: ReadonlySet<number> = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs (containers)
  0xf2f52010, // f2fs
  0x2fc12fc1, // zfs
  0xca451a4e, // bcachefs
  0x3153464a, // jfs
  0x52654973, // reiserfs
  0x4d44, // vfat
  0x2011bab0, // exfat
  0x7366746e, // ntfs3
]);

export function isLocalFileSystem(platform: NodeJS.Platform, type: number | null): boolean {
  return platform === 'linux' && type !== null && LINUX_LOCAL_TYPES.has(type);
}
