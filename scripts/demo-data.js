// Demo data for tenant `demo`, loaded through the gateway like any client would: the demo product catalog
// and a demo procurement file are uploaded and imported (the same files again on a later start are
// recognised by their content and not imported twice), and the retention clean-up is started once.
import { openAsBlob } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { signLocalToken } from '../dist/apps/gateway/src/auth/jwt-verifier.service.js';

const DEMO_FILES = [
  { file: 'demo/catalog-products.csv', kind: 'products' },
  { file: 'demo/procurement-demo.csv', kind: 'procurement' },
];

export async function loadDemoData(base, secret) {
  const token = await signLocalToken(secret, { sub: 'demo-loader', tenants: ['demo'], roles: ['admin'] }, '5m');
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': 'demo' };
  const json = { ...headers, 'content-type': 'application/json' };

  for (const { file, kind } of DEMO_FILES) await importFile(base, headers, json, file, kind);

  const res = await fetch(`${base}/api/v1/admin/maintenance/cleanup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({}),
  });
  if (!res.ok) throw new Error(`demo clean-up failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  console.log(`demo: started ${body.jobs.length} clean-up jobs for tenant demo (see /api/v1/jobs)`);
}

async function importFile(base, headers, json, file, kind) {
  const name = file.split('/').pop();
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', await openAsBlob(fileURLToPath(new URL(`../${file}`, import.meta.url))), name);
  const res = await fetch(`${base}/api/v1/ingestion/uploads`, { method: 'POST', headers, body: form });
  let upload;
  if (res.status === 409) {
    // Uploaded on an earlier start: import it only if that import did not finish.
    const [id] = (await res.json()).details.uploadId;
    upload = await (await fetch(`${base}/api/v1/ingestion/uploads/${id}`, { headers })).json();
    if (upload.status === 'completed') {
      console.log(`demo: ${name} was imported before (upload ${upload.id})`);
      return;
    }
  } else if (res.status === 201) {
    upload = await res.json();
  } else {
    throw new Error(`demo upload of ${name} failed: ${res.status} ${await res.text()}`);
  }
  const started = await fetch(`${base}/api/v1/ingestion/uploads/${upload.id}/process`, {
    method: 'POST',
    headers: json,
    body: '{}',
  });
  if (started.status !== 202)
    throw new Error(`demo import of ${name} failed to start: ${started.status} ${await started.text()}`);
  const { job } = await started.json();
  for (let i = 0; i < 600; i++) {
    const p = await (await fetch(`${base}/data-ingestion/progress/${job.id}/`, { headers })).json();
    if (p.state === 'SUCCESS') {
      const r = p.result;
      const what =
        kind === 'products'
          ? `${r.created_materials} products`
          : `${r.processed} PO lines (${r.created_suppliers} suppliers, ${r.created_materials} new materials, ${r.created_pos} POs, ${r.created_prices} prices)`;
      console.log(`demo: imported ${name}: ${what}${r.rejected_rows ? `, ${r.rejected_rows} rows rejected` : ''}`);
      return;
    }
    if (p.state === 'FAILURE' || p.state === 'REVOKED')
      throw new Error(`demo import of ${name} ended ${p.state}: ${p.error}`);
    await sleep(250);
  }
  throw new Error(`demo import of ${name} did not finish within 150 s`);
}
