/**
 * The runtime's defaults, in a module of their own: the command line reads them before the rest of
 * the runtime loads, so a bad flag or data folder fails fast.
 */
export const DEFAULT_PORT = 8083;
export const DEFAULT_DATA_DIR = '.jml';
export const DEFAULT_CONCURRENCY = 16;
