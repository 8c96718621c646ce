// Types of scripts/run.mjs for the TypeScript that imports it.
/** The compiled copy of the current sources (.cache/build/<hash>/): made now if there is none. */
export function compiledCopy(): Promise<string>;
