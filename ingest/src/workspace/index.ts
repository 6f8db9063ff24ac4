/**
 * @disan/ingest/workspace: the archivists' workspace (issue 12), opened by `openArchive`
 * as `archive.workspace`. Records described, versioned, reviewed, published and
 * withdrawn; their files attached, ordered and removed, every change a version.
 */
export type { AttachOptions, SaveOptions, Workspace, WorkspaceMediaOperations } from './types.ts';
export { NotPermittedError, PreconditionRequiredError, VersionConflictError } from './types.ts';
export { createWorkspace, type WorkspaceDeps } from './workspace.ts';
export { compareVersions, type Compared } from './compare.ts';
