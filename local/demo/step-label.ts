/**
 * The short name of a demo step for the closing table: its title up to the first ": " that is not
 * inside brackets, so `Inactivity sweep, acting ({"dryRun": false}): Dennis ...` keeps its JSON
 * whole (cutting at the first colon left `Inactivity sweep, acting ({"dryRun"`).
 */
export function stepLabel(title: string): string {
  let depth = 0;
  for (let index = 0; index < title.length; index++) {
    const char = title[index];
    if (char === '(' || char === '{' || char === '[') depth++;
    else if ((char === ')' || char === '}' || char === ']') && depth > 0) depth--;
    else if (char === ':' && depth === 0 && title[index + 1] === ' ') return title.slice(0, index);
  }
  return title;
}
