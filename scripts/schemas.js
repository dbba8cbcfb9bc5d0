// The schema declaration of every service, from the build output.
export const SERVICES = ['fitment', 'ingestion', 'media', 'indexer'];

export async function allSchemas() {
  return Promise.all(
    SERVICES.map(async (s) => {
      const mod = await import(`../dist/apps/${s}-service/src/database/${s}.schema.js`);
      return mod[`${s}Schema`];
    }),
  );
}
