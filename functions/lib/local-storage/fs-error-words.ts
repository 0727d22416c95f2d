/** What the operating system's error codes mean, in the words of the messages people read. */
const WORDS = new Map<string, string>([
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EROFS', 'read-only file system'],
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ['ENOENT', 'the file system does not allow creating it there'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the path is too long'],
  ['EIO', 'input/output error'],
]);

/** e.g. `EACCES (permission denied)`. */
export function describeFsError(code: string): string {
  const words = WORDS.get(code);
  return words ? `${code} (${words})` : code;
}
