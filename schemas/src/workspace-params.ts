import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/** Path and query parameters of the workspace's record routes (issue 12). */
export const RecordVersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1 }) });
export type RecordVersionParams = Static<typeof RecordVersionParams>;

export const RecordMediaParams = Type.Object({ id: Id, mediaId: Id });
export type RecordMediaParams = Static<typeof RecordMediaParams>;

export const MediaIdParams = Type.Object({ mediaId: Id });
export type MediaIdParams = Static<typeof MediaIdParams>;

/** GET /workspace/records/{id}/compare?from=&to= */
export const CompareQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type CompareQuery = Static<typeof CompareQuery>;
