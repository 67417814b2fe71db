# syntax=docker/dockerfile:1
# Image of the gateway: docker build -t okta-telephony-gateway:<version> .
# Three stages: build (dev dependencies, nest build), deps (production dependencies only),
# runtime (node, dist/, bin/otg.js, config/, node_modules; no build tools, runs as a numeric non-root user).
# Node 24 LTS on Debian bookworm slim (docs/platform.md: why not distroless or alpine).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The otg command line (docs/cli.md), run from dist/ like the service:
#   docker run --rm --entrypoint node <image> bin/otg.js config check /config/config.yaml
#   kubectl exec deploy/<release> -- node bin/otg.js send --to +15551234567
COPY bin ./bin
# V8 heap sizing, measured (docs/performance.md, Memory and Image flags): a young generation of
# 2 × 16 MB and an old generation capped at 160 MB, which also makes V8 grow the heap by ~1.3× its
# live size instead of up to 4× (its factor on a large host). Without them Node sizes the heap from
# the memory it finds: on a large host it grows to ~400 MB under load, in a small pod it picks a
# young generation so small that scavenges cost twice the CPU per request.
# Raise --max-old-space-size with store.memoryMaxEntries (extraEnv NODE_OPTIONS in the chart).
ENV NODE_OPTIONS="--max-semi-space-size=16 --max-old-space-size=160"
# The embedded default; Kubernetes mounts its own file and points CONFIG_FILE at it.
COPY config ./config
# The base image's `node` user, by number so that runAsNonRoot can verify it. The app writes
# nothing to disk, so the root filesystem can be mounted read-only.
USER 1000:1000
EXPOSE 8080
# node is PID 1 and receives SIGTERM itself (graceful shutdown); no npm, no shell in between.
# V8 collects garbage on its helper threads, as Node does by default: --single-threaded-gc bought
# under 1 ms of p99 at 200 req/s and cost a quarter of the throughput at saturation on Node 24
# (docs/decisions/0010-garbage-collection-threads.md).
ENTRYPOINT ["node", "dist/main.js"]
