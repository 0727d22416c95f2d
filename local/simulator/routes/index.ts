import type { Route } from '../http/route.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { domainRoutes } from './domains.js';
import { eventRoutes } from './events.js';
import { orgRoutes } from './orgs.js';
import { policyRoutes } from './policies.js';
import { v1DirectoryRoutes } from './v1-directory.js';
import { v1RoleInviteRoutes } from './v1-roles-invite.js';
import { v1UserRoutes } from './v1-users.js';
import { v2DirectoryInviteRoutes } from './v2-directories-invite.js';
import { v2GroupRoutes } from './v2-groups.js';
import { v2UserRoutes } from './v2-users.js';
import { workspaceRoutes } from './workspaces.js';

/** Every route module the simulator serves. Add new modules here (one line each). */
export const allRoutes: ReadonlyArray<Route<SimulatorState>> = [
  ...v1UserRoutes,
  ...v1DirectoryRoutes,
  ...v1RoleInviteRoutes,
  ...v2DirectoryInviteRoutes,
  ...v2UserRoutes,
  ...v2GroupRoutes,
  ...orgRoutes,
  ...domainRoutes,
  ...policyRoutes,
  ...eventRoutes,
  ...workspaceRoutes,
];
