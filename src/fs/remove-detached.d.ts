// Types of remove-detached.js.

/** Deletes folders in a detached `rm -rf` that outlives this process; in this process if that cannot start. */
export function removeDetached(folders: string[]): void;
