import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  it("takes helmet's headers for the given options, once", () => {
    const headers = securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"] } }, xFrameOptions: { action: 'deny' } });
    expect(headers).toMatchObject({
      'content-security-policy': "default-src 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('refuses options helmet refuses', () => {
    expect(() => securityHeaders({ referrerPolicy: { policy: 'sideways' as never } })).toThrow(/sideways/);
  });
});
