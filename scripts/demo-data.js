// Demo data for tenant `demo`, loaded through the gateway like any client would.
import { signLocalToken } from '../dist/apps/gateway/src/auth/jwt-verifier.service.js';

export async function loadDemoData(base, secret) {
  const token = await signLocalToken(secret, { sub: 'demo-loader', tenants: ['demo'], roles: ['admin'] }, '5m');
  const res = await fetch(`${base}/api/v1/admin/maintenance/cleanup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-tenant-id': 'demo', 'content-type': 'application/json' },
    body: JSON.stringify({}),
  });
  if (!res.ok) throw new Error(`demo clean-up failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  console.log(`demo: started ${body.jobs.length} clean-up jobs for tenant demo (see /api/v1/jobs)`);
}
