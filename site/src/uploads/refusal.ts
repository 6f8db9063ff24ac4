/**
 * Why the API refused an upload, as the uploader's words: its status and error code
 * (the tus routes answer the API's `{ error: { code } }`). A network cut or an ended
 * session pauses the file (it resumes from its offset); the others fail it for good.
 */
export type RefusalKey = 'uploads.refused.network' | 'uploads.refused.expired' | 'uploads.refused.tooLarge' | 'uploads.refused.quota' | 'uploads.refused.other';

/**
 * @example refusalKey(413, 'too_large') // 'uploads.refused.tooLarge'
 * @example refusalKey(0, '') // 'uploads.refused.network'
 */
export function refusalKey(status: number, code: string): RefusalKey {
  if (/quota/i.test(code) || status === 507) return 'uploads.refused.quota';
  if (status === 413 || /too_large|size/i.test(code)) return 'uploads.refused.tooLarge';
  if (status === 0 || status >= 500 || status === 429) return 'uploads.refused.network';
  if (status === 401 || (status === 403 && /csrf|session|origin/i.test(code))) return 'uploads.refused.expired';
  return 'uploads.refused.other';
}
