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
  | 'invalidInput';

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
