import type { InactivityRule } from '../config/inactivity-config-schema.js';
import { productMatches } from './held-products.js';
import type { RecentAccess } from './recent-access.js';
import type { ProductInactivity } from './sweep-types.js';

const dateOf = (iso: string) => iso.slice(0, 10);

/** A product instance as the grace sees it: held (with its activity), or only granted directly. */
type GraceProduct = Pick<ProductInactivity, 'siteId' | 'productKey' | 'lastActive' | 'grantedAt'>;

/**
 * What `inactivity.newAccessGraceDays` spares for one account, from its held products (each with
 * `grantedAt` when the audit log shows a grant within the grace):
 * - a product granted within the grace is never reclaimed, whoever granted it;
 * - an account granted any product within the grace is not suspended (a suspension would take the
 *   new access too: someone just gave this account access for a purpose);
 * - when the audit log could not be read, nobody's grant dates are known: a never-used product
 *   (its inactivity would be counted from `addedToOrg`) is not reclaimed, and an account never
 *   active is not suspended. Activity dates still count: they do not depend on the audit log.
 */
export class NewAccessGrace {
  private readonly granted: GraceProduct[];

  /**
   * @param products the held products, `grantedAt` set on those received within the grace;
   * @param grantedDirectly products received within the grace through a role given to the account
   *   itself, which the scan does not show as held: they spare a suspension, nothing to reclaim.
   */
  constructor(
    private readonly products: readonly ProductInactivity[],
    grantedDirectly: readonly GraceProduct[],
    private readonly recentAccess: Pick<RecentAccess, 'graceDays' | 'unavailable'>,
  ) {
    this.granted = [...products.filter((product) => product.grantedAt !== undefined), ...grantedDirectly];
  }

  /** Whether a reclaim rule may take this product instance. */
  spares(product: ProductInactivity): boolean {
    return product.grantedAt !== undefined || (this.recentAccess.unavailable !== undefined && product.lastActive === undefined);
  }

  /** Whether the suspend rule that matched may suspend the account. */
  sparesSuspension(rule: InactivityRule, overallLastActive: string | undefined): boolean {
    if (this.granted.length > 0) return true;
    if (!this.recentAccess.unavailable) return false;
    if (rule.product === 'all') return overallLastActive === undefined;
    return this.products.some((product) => productMatches(rule.product, product.productKey) && product.lastActive === undefined);
  }

  /**
   * The report's words, e.g. `spared: access to jira-software granted 2026-12-03 (within
   * inactivity.newAccessGraceDays: 30 days)`, for the products a reclaim rule matched and, when
   * the suspension was spared, everything that spared it.
   */
  describe(sparedProducts: readonly GraceProduct[], suspension?: InactivityRule): string {
    const all = suspension ? [...sparedProducts, ...this.suspensionSparedThrough(suspension)] : sparedProducts;
    const products = [...new Map(all.map((product) => [product.siteId, product])).values()];
    const parts: string[] = [];
    const granted = products.filter((product) => product.grantedAt !== undefined);
    if (granted.length > 0) {
      const what = granted.map((product) => `${product.productKey} granted ${dateOf(product.grantedAt as string)}`).join(', ');
      parts.push(`access to ${what} (within inactivity.newAccessGraceDays: ${this.recentAccess.graceDays} days)`);
    }
    const unknown = this.recentAccess.unavailable ? products.filter((product) => product.grantedAt === undefined && product.lastActive === undefined) : [];
    if (this.recentAccess.unavailable && (unknown.length > 0 || granted.length === 0)) {
      const { error, message } = this.recentAccess.unavailable;
      const what = unknown.length > 0 ? `${unknown.map((product) => product.productKey).join(', ')} never used` : 'never active in any product';
      parts.push(`${what} and the audit log could not be read (${error}: ${message}): when access was granted is unknown, so it is not counted from when the account was added`);
    }
    return `spared: ${parts.join('; ')}${suspension ? `; not suspended (rule ${suspension.id})` : ''}`;
  }

  /** The products that stopped a suspension: every recent grant; without the audit log, the never-used ones. */
  private suspensionSparedThrough(rule: InactivityRule): GraceProduct[] {
    if (this.granted.length > 0) return this.granted;
    return this.products.filter((product) => product.lastActive === undefined && productMatches(rule.product, product.productKey));
  }
}
