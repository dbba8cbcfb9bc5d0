# One image for every Torque process; the command picks the app, e.g.
#   docker run torque dist/apps/gateway/src/main.js
#   docker run torque scripts/migrate.js
# docker-compose.yml runs it once per role and queue.
ARG NODE_IMAGE=node:20-bookworm-slim

# All dependencies, for the build. .npmrc comes along: it keeps onnxruntime-node's install from downloading the CUDA
# provider files, as on every other machine (package.json's overrides pin sharp and onnxruntime-node the same way).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci

# swc -> dist/
FROM deps AS build
COPY . .
RUN npm run build

# Production dependencies only, installed apart so the build's dev dependencies never reach the runtime image.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
# package.json carries "type": "module", which the ESM output in dist/ needs.
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
# Code stays root-owned and read-only to the process; the built-in `node` user (uid 1000) runs it.
USER node
# Docker's own check (Kubernetes probes the same path itself): the gateway serves /health/live on PORT, a service on
# HTTP_PORT (set it: the default 0 picks a free port); healthy when either answers (compose turns it off for migrate).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const p=[process.env.HTTP_PORT,process.env.PORT||'3000'].filter(x=>x&&x!=='0');Promise.any(p.map(x=>fetch('http://127.0.0.1:'+x+'/health/live').then(r=>{if(!r.ok)throw r.status}))).then(()=>process.exit(0),()=>process.exit(1))"]
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js"]
