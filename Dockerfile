# One image for every Torque process; the command picks the app, e.g.
#   docker run torque dist/apps/gateway/src/main.js
#   docker run torque scripts/migrate.js
# docker-compose.yml runs it once per role and queue.
ARG NODE_IMAGE=node:20-bookworm-slim

# All dependencies, for the build.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN npm ci

# swc -> dist/
FROM deps AS build
COPY . .
RUN npm run build

# Production dependencies only, installed apart so the build's dev dependencies never reach the runtime image.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
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
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js"]
