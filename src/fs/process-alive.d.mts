// Types of process-alive.mjs.

/** Whether a process with this pid is running (another user's included). */
export function processIsAlive(pid: number): boolean;
