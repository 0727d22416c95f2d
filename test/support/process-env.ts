/**
 * Sets `variables` in `process.env` (as `npm start` would read them) and returns the function that
 * puts back what was there before: unset stays unset.
 */
export function setProcessEnv(variables: Record<string, string>): () => void {
  const saved = new Map(Object.keys(variables).map((name) => [name, process.env[name]] as const));
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
