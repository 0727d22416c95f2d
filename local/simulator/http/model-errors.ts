import type { ModelError, ModelErrorKind } from '../model/model-error.js';
import { applicationError, bareApplicationError, uamError, type WireError } from './wire-error.js';

/**
 * The error families of the API: directory and org endpoints (`application`), invite/role
 * endpoints (`uam`), and the workspaces endpoint's bare ApplicationError (`bareApplication`).
 */
export type ErrorStyle = 'application' | 'uam' | 'bareApplication';

interface Mapping {
  status: number;
  code: string;
  title: string;
}

/** Status and ADMIN-* code per rule failure, as the spec's response descriptions list them. */
const APPLICATION: Record<ModelErrorKind, Mapping> = {
  userNotFound: { status: 404, code: 'ADMIN-404-8', title: 'User not found' },
  groupNotFound: { status: 404, code: 'ADMIN-404-10', title: 'Group not found' },
  resourceNotFound: { status: 404, code: 'ADMIN-404-1', title: 'Unknown resource' },
  notAMember: { status: 404, code: 'ADMIN-404-8', title: 'User not found in group' },
  alreadyAMember: { status: 409, code: 'ADMIN-409-28', title: 'Conflict' },
  groupNameTaken: { status: 409, code: 'ADMIN-409-28', title: 'Conflict' },
  groupNotEmpty: { status: 409, code: 'ADMIN-409-5', title: 'Group not empty' },
  syncedGroup: { status: 403, code: 'ADMIN-403-5', title: 'Not allowed to manage the group' },
  adminGroup: { status: 403, code: 'ADMIN-403-7', title: 'Not allowed to change a group which grants admin access' },
  defaultAccessGroup: { status: 403, code: 'ADMIN-403-6', title: 'Not allowed to delete group with default-role attribute' },
  licenseLimit: { status: 409, code: 'ADMIN-409-3', title: 'License limit exceeded' },
  noPaidSubscription: { status: 402, code: 'ADMIN-402-1', title: 'Payment required' },
  roleApisForbidden: { status: 403, code: 'ADMIN-403-3', title: 'Not allowed to manage the org' },
  roleApisNotFound: { status: 404, code: 'ADMIN-404-1', title: 'Unknown resource' },
  invalidRole: { status: 400, code: 'ADMIN-400-24', title: 'Invalid request body' },
  invalidInput: { status: 400, code: 'ADMIN-400-24', title: 'Invalid request body' },
  invalidCursor: { status: 400, code: 'ADMIN-400-1', title: 'Invalid page cursor' },
  invalidDomainId: { status: 400, code: 'ADMIN-400-2', title: 'Invalid domain identifier' },
  domainNotFound: { status: 404, code: 'ADMIN-404-3', title: 'Domain not found' },
  policyNotFound: { status: 404, code: 'ADMIN-404-5', title: 'Policy not found' },
  policyResourceNotFound: { status: 404, code: 'ADMIN-404-6', title: 'Policy resource not found' },
  invalidResource: { status: 400, code: 'ADMIN-400-4', title: 'Invalid resource' },
  invalidWorkspaceField: { status: 400, code: 'ADMIN-400-4', title: 'Invalid resource' },
};

const UAM: Record<ModelErrorKind, Mapping> = {
  ...APPLICATION,
  userNotFound: { status: 404, code: 'ADMIN-UAM-404-1', title: 'Unknown Resource' },
  groupNotFound: { status: 404, code: 'ADMIN-UAM-404-3', title: 'Group Not Found' },
  resourceNotFound: { status: 404, code: 'ADMIN-UAM-404-1', title: 'Unknown Resource' },
  licenseLimit: { status: 409, code: 'ADMIN-UAM-409-3', title: 'Product License Limit Exceeded' },
  noPaidSubscription: { status: 402, code: 'ADMIN-UAM-402-1', title: 'Payment Required' },
  roleApisForbidden: { status: 403, code: 'ADMIN-UAM-403-1', title: 'Forbidden' },
  roleApisNotFound: { status: 404, code: 'ADMIN-UAM-404-1', title: 'Unknown Resource' },
  invalidRole: { status: 400, code: 'ADMIN-UAM-400-3', title: 'Invalid Role for Resource' },
  invalidInput: { status: 400, code: 'ADMIN-UAM-400-1', title: 'Bad Request' },
};

/** Renders a rule failure in the body shape of the endpoint family; `overrides` adjust one endpoint. */
export function modelErrorToWire(error: ModelError, style: ErrorStyle, overrides: Partial<Record<ModelErrorKind, Partial<Mapping>>> = {}): WireError {
  const mapping = { ...(style === 'uam' ? UAM : APPLICATION)[error.kind], ...overrides[error.kind] };
  if (style === 'uam') return uamError(mapping.status, mapping.code, mapping.title, error.message);
  if (style === 'bareApplication') return bareApplicationError(mapping.status, mapping.code, mapping.title, error.message);
  return applicationError(mapping.status, mapping.code, mapping.title, error.message);
}
