/**
 * Why a directory rule refused an operation. The model knows nothing about HTTP: each route
 * family (v1, v2, UAM-style invite/role endpoints) turns a `kind` into its own status, code and
 * body shape.
 */
export type ModelErrorKind =
  | 'userNotFound'
  | 'groupNotFound'
  | 'resourceNotFound'
  | 'notAMember'
  | 'alreadyAMember'
  | 'groupNameTaken'
  | 'groupNotEmpty'
  | 'syncedGroup'
  | 'adminGroup'
  | 'defaultAccessGroup'
  | 'licenseLimit'
  | 'noPaidSubscription'
  | 'roleApisForbidden'
  | 'roleApisNotFound'
  | 'invalidRole'
  | 'invalidInput'
  // Org resources (audit log, domains, policies, workspaces).
  | 'invalidCursor'
  | 'invalidDomainId'
  | 'domainNotFound'
  | 'policyNotFound'
  | 'policyResourceNotFound'
  | 'invalidResource'
  | 'invalidWorkspaceField';

/** A refused operation; `message` says what was wrong and how to fix it (the wire `detail`). */
export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
