import { describe, expect, it } from 'vitest';
import { collect, cursorFromNextUrl, iterateItems } from '../../../functions/lib/atlassian/pagination.js';

describe('cursorFromNextUrl', () => {
  it('takes the cursor parameter out of a full v1 links.next URL', () => {
    expect(cursorFromNextUrl('op', 'https://api.atlassian.com/admin/v1/orgs/o/users?cursor=abc%3D%3D&x=1')).toBe('abc==');
  });

  it('returns undefined on the last page', () => {
    expect(cursorFromNextUrl('op', undefined)).toBeUndefined();
    expect(cursorFromNextUrl('op', '')).toBeUndefined();
  });

  it('fails clearly when the link has no cursor', () => {
    expect(() => cursorFromNextUrl('v1.listUsers', 'https://api.atlassian.com/admin/v1/orgs/o/users')).toThrow(
      expect.objectContaining({ name: 'Atlassian.UnexpectedResponse', operation: 'v1.listUsers' }),
    );
  });
});

describe('iterateItems', () => {
  it('follows cursors to the end', async () => {
    // Prepare
    const pages: Record<string, { items: number[]; next?: string }> = {
      start: { items: [1, 2], next: 'b' },
      b: { items: [3], next: 'c' },
      c: { items: [4] },
    };
    const requested: Array<string | undefined> = [];
    // Act
    const items = await collect(
      iterateItems({
        operation: 'test',
        fetchPage: async (cursor) => {
          requested.push(cursor);
          return pages[cursor ?? 'start'];
        },
        items: (page) => page.items,
        nextCursor: (page) => page.next,
      }),
    );
    // Assess
    expect(items).toEqual([1, 2, 3, 4]);
    expect(requested).toEqual([undefined, 'b', 'c']);
  });

  it('stops with UnexpectedResponse when the server repeats a cursor', async () => {
    const iterator = iterateItems({
      operation: 'loop',
      fetchPage: async () => ({ items: [1] }),
      items: (page) => page.items,
      nextCursor: () => 'same',
    });
    await expect(collect(iterator)).rejects.toMatchObject({ name: 'Atlassian.UnexpectedResponse', operation: 'loop' });
  });
});
