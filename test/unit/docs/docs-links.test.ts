import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const README = join(ROOT, 'README.md');
const PAGES = [README, ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, 'docs', name))];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function headingsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(text.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => slug(line.replace(/^#+ /, ''))));
}

/** Markdown links outside code blocks: `[text](target)`. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
}

describe('README and docs/', () => {
  it('README stays a front page: at most ~10 KB, with a table of contents naming every section', () => {
    const text = readFileSync(README, 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(11_000);
    const sections = text.split('\n').filter((line) => line.startsWith('## ') && line !== '## Contents').map((line) => slug(line.slice(3)));
    const contents = text.slice(text.indexOf('## Contents'), text.indexOf('\n## ', text.indexOf('## Contents') + 1));
    const listed = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    expect(listed).toEqual(sections);
  });

  it.each(PAGES.map((page) => [page.slice(ROOT.length)]))('every relative link of %s leads to a file and heading that exist', (page) => {
    const file = join(ROOT, page);
    const broken: string[] = [];
    for (const link of linksOf(file)) {
      if (/^[a-z]+:/i.test(link)) continue;
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? file : resolve(dirname(file), path);
      if (!existsSync(target)) broken.push(`${link}: no such file`);
      else if (anchor && statSync(target).isFile() && target.endsWith('.md') && !headingsOf(target).has(anchor)) broken.push(`${link}: no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});
